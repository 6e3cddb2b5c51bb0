import type { Metadata } from "next";
import type { ReactNode } from "react";
import { THEME_INIT_SCRIPT } from "@/components/theme-script";
import { env } from "@/lib/env";

// Shared by the public site and the Studio, so it carries nothing but the document: the
// site's chrome, CSS and fonts live in components/site-shell.tsx, used by the (site) group.
export const metadata: Metadata = {
  metadataBase: new URL(env.SITE_URL),
  title: { default: "Daily Insight", template: "%s · Daily Insight" },
  description: "Daily market commentary: what moved, why, and the tickers behind it.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    // The theme script sets data-theme before React hydrates, hence suppressHydrationWarning.
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: THEME_INIT_SCRIPT }} />
      </head>
      <body>{children}</body>
    </html>
  );
}
