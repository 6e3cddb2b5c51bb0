import type { Metadata } from "next";
import type { ReactNode } from "react";
import { SiteDocument } from "@/components/site-document";
import { siteMetadata } from "@/lib/site/metadata";

export const metadata: Metadata = siteMetadata;

// The reader site's root layout (the Studio has its own, in app/(studio)).
// No loading.tsx in this group, on purpose: a loading boundary wraps every page below it, so the
// layout and its fallback would stream as a 200 before a page could call notFound(). The pages
// read their content at the top instead (a real 404 for an unknown post, ticker, author, topic
// or page number) and put <Suspense> only around parts that cannot be missing.
export default function SiteLayout({ children }: { children: ReactNode }) {
  return <SiteDocument>{children}</SiteDocument>;
}
