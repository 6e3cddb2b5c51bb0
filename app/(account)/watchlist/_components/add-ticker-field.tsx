import { MAX_SYMBOL_INPUT_LENGTH } from "@/lib/watchlists/rules";

/** The symbol input of an "Add a ticker" form, with suggestions from the page's datalist. */
export function AddTickerField({ id }: { id: string }) {
  return (
    <>
      <label htmlFor={id}>Add a ticker</label>
      <div className="account-form__row">
        <input
          className="account-form__input"
          id={id}
          name="symbol"
          list="ticker-suggestions"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          required
          maxLength={MAX_SYMBOL_INPUT_LENGTH}
          placeholder="IWM"
        />
        <button type="submit" className="button">
          Add
        </button>
      </div>
    </>
  );
}
