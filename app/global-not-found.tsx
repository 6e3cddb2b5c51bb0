import type { Metadata } from "next";
import Link from "next/link";
import { SiteDocument } from "@/components/site-document";
import { StatusMessage } from "@/components/status-message";
import { siteMetadata } from "@/lib/site/metadata";

export const metadata: Metadata = { ...siteMetadata, title: "Page not found" };

// Unmatched URLs. The site and the Studio have separate root layouts, so there is no single
// layout to compose a 404 from; Next renders this whole document instead (a real 404).
export default function GlobalNotFound() {
  return (
    <SiteDocument>
      <StatusMessage title="Page not found">
        <p>There is nothing at this address.</p>
        <p>
          <Link href="/">Read the latest insights</Link>
        </p>
      </StatusMessage>
    </SiteDocument>
  );
}
