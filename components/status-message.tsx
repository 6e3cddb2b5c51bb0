import type { ReactNode } from "react";

/** A full-width message for empty, missing and failed states. */
export function StatusMessage({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <section className="status-message">
      <h1>{title}</h1>
      {children}
    </section>
  );
}
