"use client";

import { ErrorMessage } from "@/components/error-message";

export default function AccountError(props: {
  error: Error & { digest?: string };
  retry: () => void;
}) {
  return (
    <ErrorMessage {...props}>
      Your account could not be loaded just now. Please try again in a moment.
    </ErrorMessage>
  );
}
