"use client";

import { useActionState } from "react";
import { EMAIL_MAX_LENGTH } from "@/lib/auth/sign-in-input";
import { requestSignInLink, type EmailSignInState } from "../actions";

const initialState: EmailSignInState = { status: "idle", email: "" };

/** The magic-link form: a server action, so it works before (and without) JavaScript. */
export function EmailSignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, formAction, pending] = useActionState(requestSignInLink, initialState);
  const invalid = state.status === "invalid";
  return (
    <form action={formAction} className="account-form">
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <label htmlFor="signin-email" className="account-form__label">
        Email address
      </label>
      <p id="signin-email-hint" className="account-form__hint">
        We email you a link that signs you in. No password needed.
      </p>
      <div className="account-form__row">
        <input
          id="signin-email"
          name="email"
          type="email"
          autoComplete="email"
          inputMode="email"
          required
          maxLength={EMAIL_MAX_LENGTH}
          defaultValue={state.email}
          aria-invalid={invalid}
          aria-describedby={invalid ? "signin-email-hint signin-email-error" : "signin-email-hint"}
          className="account-form__input"
        />
        <button type="submit" className="button" disabled={pending}>
          {pending ? "Sending…" : "Email me a link"}
        </button>
      </div>
      {/* Always in the document, so assistive technology announces what appears in it. */}
      <div role="alert" className="account-form__error">
        {invalid ? <p id="signin-email-error">{state.fieldError}</p> : null}
        {state.status === "refused" ? <p>{state.message}</p> : null}
      </div>
    </form>
  );
}
