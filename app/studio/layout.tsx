import type { Metadata } from "next";
import { metadata as studioMetadata } from "next-sanity/studio";
import type { ReactNode } from "react";

export { viewport } from "next-sanity/studio";

export const metadata: Metadata = { ...studioMetadata, title: "Studio" };

// Outside the (site) group: the Studio brings its own styles, and none of the site's.
export default function StudioLayout({ children }: { children: ReactNode }) {
  return children;
}
