import Form from "next/form";
import { searchPath } from "@/lib/routes";
import { SEARCH_MAX_LENGTH } from "@/lib/content/search";

/** A GET form to /search: a plain form without JavaScript, client navigation with it. */
export function SearchForm({ defaultValue = "" }: { defaultValue?: string }) {
  return (
    <Form action={searchPath()} className="search-form" role="search">
      <label htmlFor="search-q" className="search-form__label">
        Search insights
      </label>
      <div className="search-form__row">
        <input
          id="search-q"
          name="q"
          type="search"
          defaultValue={defaultValue}
          maxLength={SEARCH_MAX_LENGTH}
          placeholder="Words or a ticker, e.g. small caps or IWM"
          autoComplete="off"
          className="search-form__input"
        />
        <button type="submit" className="button">
          Search
        </button>
      </div>
    </Form>
  );
}
