import Link from "next/link";
import { SiteShell } from "@/components/site-shell";
import { StatusMessage } from "@/components/status-message";

// Unmatched URLs render here, under the bare root layout, so it brings the site's shell.
export default function NotFound() {
  return (
    <SiteShell>
      <StatusMessage title="Page not found">
        <p>There is nothing at this address.</p>
        <p>
          <Link href="/">Read the latest insights</Link>
        </p>
      </StatusMessage>
    </SiteShell>
  );
}
