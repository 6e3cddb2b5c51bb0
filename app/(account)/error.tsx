"use client";

import { useEffect } from "react";
import { StatusMessage } from "@/components/status-message";

export default function AccountError({
  error,
  retry,
}: {
  error: Error & { digest?: string };
  retry: () => void;
}) {
  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <StatusMessage title="Something went wrong">
      <p>Your account could not be loaded just now. Please try again in a moment.</p>
      {error.digest ? <p>Reference: {error.digest}</p> : null}
      <p>
        <button type="button" className="button" onClick={() => retry()}>
          Try again
        </button>
      </p>
    </StatusMessage>
  );
}
