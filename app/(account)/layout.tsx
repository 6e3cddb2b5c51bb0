import type { Metadata } from "next";
import type { ReactNode } from "react";
import { SiteDocument } from "@/components/site-document";
import { siteMetadata } from "@/lib/site/metadata";
import "./account.css";

export const metadata: Metadata = siteMetadata;

// Reader pages (sign-in, account) read the session cookie and the query, so they render per
// request and are not held to a static shell (`instant = false`; Next 16 docs, "Authentication
// with Cache Components"). Nothing in them waits under <Suspense>, so the whole page is in the
// HTML and the forms work without JavaScript (streamed <Suspense> content needs a script to
// appear); for the same reason this group has no loading.tsx. Signed-out readers are redirected
// in proxy.ts, where the status can still be a real 307. The reading pages in (site) never read
// the session and stay cached.
// Each page repeats it: `next dev` checks pages on their own and reports them otherwise.
export const instant = false;

export default function AccountLayout({ children }: { children: ReactNode }) {
  return <SiteDocument>{children}</SiteDocument>;
}
