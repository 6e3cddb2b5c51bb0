"use client";

import Link from "next/link";
import { useActionState } from "react";
import { accountPath } from "@/lib/routes";
import { changeSubscription, type SubscriptionState } from "../actions";

const idle: SubscriptionState = { status: "idle" };

const modeWords = { instant: "as soon as we publish", digest: "in your daily digest" } as const;

/** Unsubscribe in one press, then the way back: undo restores what the reader had. */
export function UnsubscribeForm({
  token,
  email,
  subscribed,
}: {
  token: string;
  email: string;
  subscribed: boolean;
}) {
  const [state, action, pending] = useActionState(changeSubscription, idle);
  const status =
    state.status === "idle" ? (subscribed ? "subscribed" : "unsubscribed") : state.status;

  if (status === "unsubscribed") {
    const previous = state.status === "unsubscribed" ? state.previous : null;
    return (
      <div role="status">
        <p className="account-notice">
          {state.status === "unsubscribed" ? "Done: " : ""}
          <strong>{email}</strong> gets no email alerts from Daily Insight.
        </p>
        {previous ? (
          <form action={action} aria-busy={pending}>
            <input type="hidden" name="intent" value="undo" />
            <input type="hidden" name="token" value={token} />
            <input type="hidden" name="mode" value={previous} />
            <button type="submit" className="button" disabled={pending}>
              Undo: email me {modeWords[previous]} again
            </button>
          </form>
        ) : null}
      </div>
    );
  }
  if (state.status === "refused") {
    return (
      <p role="alert" className="form-status form-status--error">
        {state.message}
      </p>
    );
  }
  return (
    <div role="status">
      {state.status === "resubscribed" ? (
        <p className="account-notice">
          Welcome back: we will email <strong>{email}</strong> {modeWords[state.mode]}.
        </p>
      ) : (
        <>
          <p>
            Stop email alerts about your watchlist to <strong>{email}</strong>?
          </p>
          <form action={action} aria-busy={pending}>
            <input type="hidden" name="intent" value="unsubscribe" />
            <input type="hidden" name="token" value={token} />
            <button type="submit" className="button" disabled={pending}>
              Unsubscribe
            </button>
          </form>
        </>
      )}
      <p>
        <Link href={accountPath}>Choose how often we email you instead</Link>
      </p>
    </div>
  );
}
