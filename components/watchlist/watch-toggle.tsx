"use client";

import Link from "next/link";
import { useActionState, useLayoutEffect, useRef } from "react";
import type { ActionState } from "@/lib/auth/reader-action";
import { markWatched, useWatchedSymbols } from "@/hooks/use-watched-symbols";
import { emailAlertsPath } from "@/lib/routes";
import "./watchlist.css";

type ToggleAction = (previous: ActionState, formData: FormData) => Promise<ActionState>;

const idle: ActionState = { status: "idle" };

/**
 * The star that watches a ticker. A plain form post without JavaScript (signed out, the
 * action sends the reader to sign in and back); with it, the star flips at once while the
 * action runs and every star for the symbol on the page follows.
 */
export function WatchToggle({
  symbol,
  action,
  returnTo,
  compact = false,
}: {
  symbol: string;
  action: ToggleAction;
  /** The page to come back to after signing in. */
  returnTo: string;
  compact?: boolean;
}) {
  const { status, symbols } = useWatchedSymbols();
  const [state, formAction, pending] = useActionState(action, idle);
  const stored = symbols.has(symbol);
  // Optimistic: while the action runs, show what it is about to make true.
  const watched = pending ? !stored : stored;

  // What the last submit asked for; once the action is done, the page's stars are told.
  const requested = useRef<boolean | null>(null);
  useLayoutEffect(() => {
    if (state.status === "done" && requested.current !== null)
      markWatched(symbol, requested.current);
  }, [state, symbol]);

  const label = watched ? `Stop watching ${symbol}` : `Watch ${symbol}`;
  return (
    <form
      action={formAction}
      onSubmit={() => {
        requested.current = !stored;
      }}
      className={compact ? "watch-toggle watch-toggle--compact" : "watch-toggle"}
      data-status={status}
    >
      <input type="hidden" name="symbol" value={symbol} />
      <input type="hidden" name="intent" value={stored ? "unwatch" : "watch"} />
      <input type="hidden" name="returnTo" value={returnTo} />
      <button
        type="submit"
        className="watch-toggle__button"
        aria-pressed={status === "ready" ? watched : false}
        aria-label={compact ? label : undefined}
        title={compact ? label : undefined}
        aria-busy={pending}
      >
        <span aria-hidden="true" className="watch-toggle__star">
          {watched ? "★" : "☆"}
        </span>
        {compact ? null : <span>{watched ? "Watching" : "Watch"}</span>}
      </button>
      {state.status === "done" && state.offer === "email-alerts" && watched ? (
        <span role="status" className="watch-toggle__message">
          Get an email when we publish about {symbol}?{" "}
          <Link href={emailAlertsPath}>Choose email alerts</Link>
        </span>
      ) : null}
      {state.status === "refused" ? (
        <span role="status" className="watch-toggle__message">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
