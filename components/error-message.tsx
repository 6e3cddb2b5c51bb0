"use client";

import { useEffect } from "react";
import { StatusMessage } from "./status-message";

/** What a route group's error.tsx shows: a plain apology, the digest to quote, and a retry. */
export function ErrorMessage({
  error,
  retry,
  children,
}: {
  error: Error & { digest?: string };
  retry: () => void;
  /** What could not be loaded, in a sentence. */
  children: string;
}) {
  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <StatusMessage title="Something went wrong">
      <p>{children}</p>
      {error.digest ? <p>Reference: {error.digest}</p> : null}
      <p>
        <button type="button" className="button" onClick={() => retry()}>
          Try again
        </button>
      </p>
    </StatusMessage>
  );
}
