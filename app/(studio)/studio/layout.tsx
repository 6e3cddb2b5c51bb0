import type { Metadata } from "next";
import { metadata as studioMetadata } from "next-sanity/studio";
import type { ReactNode } from "react";
import { siteMetadata } from "@/lib/site-metadata";

export { viewport } from "next-sanity/studio";

// The site's origin only resolves the root card URLs (app/opengraph-image.tsx) Next adds here.
export const metadata: Metadata = {
  ...studioMetadata,
  metadataBase: siteMetadata.metadataBase,
  title: "Studio · Daily Insight",
};

// The Studio's own root layout: a bare document, so it shares no layout, fonts, CSS or
// scripts with the reader site (app/(site)/layout.tsx), and the site none of the Studio's.
// Navigating between the two is a full page load (separate root layouts).
export default function StudioRootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body style={{ margin: 0 }}>{children}</body>
    </html>
  );
}
