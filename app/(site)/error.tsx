"use client";

import { ErrorMessage } from "@/components/error-message";

export default function SiteError(props: {
  error: Error & { digest?: string };
  retry: () => void;
}) {
  return (
    <ErrorMessage {...props}>
      This page could not be loaded just now. Please try again in a moment.
    </ErrorMessage>
  );
}
