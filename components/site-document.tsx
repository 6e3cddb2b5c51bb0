import type { ReactNode } from "react";
import { SiteShell } from "./site-shell";
import { THEME_INIT_SCRIPT } from "./theme-script";

// The reader site's whole document: <html> with the theme applied before first paint, and the
// site's shell. Root layouts of the reader-facing route groups and app/global-not-found.tsx
// render it; the Studio has a root layout of its own and none of this.
export function SiteDocument({ children }: { children: ReactNode }) {
  return (
    // The theme script sets data-theme before React hydrates, hence suppressHydrationWarning.
    <html lang="en" suppressHydrationWarning>
      {/* eslint-disable-next-line @next/next/no-head-element -- the document of root layouts in app/ */}
      <head>
        <script dangerouslySetInnerHTML={{ __html: THEME_INIT_SCRIPT }} />
      </head>
      <body>
        <SiteShell>{children}</SiteShell>
      </body>
    </html>
  );
}
