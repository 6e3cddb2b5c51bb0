import type { ReactNode } from "react";
import { toSafeHref } from "@/lib/content/links";

/** A `link` annotation: a link when its href is safe, otherwise just its text. */
export function BodyLink({ href, children }: { href: unknown; children: ReactNode }) {
  const safe = toSafeHref(href);
  if (!safe) return <>{children}</>;
  return (
    <a href={safe.href} rel={safe.external ? "noopener noreferrer" : undefined}>
      {children}
    </a>
  );
}
