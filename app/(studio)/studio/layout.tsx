import type { Metadata } from "next";
import { metadata as studioMetadata } from "next-sanity/studio";
import type { ReactNode } from "react";
import { preconnect } from "react-dom";
import { siteMetadata } from "@/lib/site/metadata";
import { apiHost, projectId } from "@/sanity/env";

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
  // The Studio's first call to its API waits for the script to boot; opening the TLS (HTTP/2)
  // connection while the script downloads takes that handshake off the first load. Token logins
  // (the local lake) call without credentials, cookie logins with them: one of each.
  const api = studioApiOrigin();
  preconnect(api, { crossOrigin: "anonymous" });
  preconnect(api, { crossOrigin: "use-credentials" });
  return (
    <html lang="en">
      <body style={{ margin: 0 }}>{children}</body>
    </html>
  );
}

/** Where the Studio sends its API calls: the project's host under the API host. */
function studioApiOrigin(): string {
  const { protocol, host } = new URL(apiHost ?? "https://api.sanity.io");
  return `${protocol}//${projectId}.${host}`;
}
