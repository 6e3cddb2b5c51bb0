import Head from "next/head";
import Link from "next/link";
import { SiteShell } from "@/components/site-shell";
import { StatusMessage } from "@/components/status-message";

// The reader's page for a request whose render failed outside any error boundary, served as a
// static 500 (uncached, `no-store`). The case that matters: a URL on a dynamic route that was
// not prerendered (a post published after the build, or no post at all) while the content lake
// is unreachable. Next renders such a URL as an on-demand prerender, the failed read makes that
// prerender fail (lib/sanity/fetch.ts), and the error leaves the App Router altogether, so
// app/(site)/error.tsx never sees it. Next 16.3 then serves only a Pages Router error page
// (BaseServer.renderErrorToResponseImpl drops the App Router's built-in 500.html it finds);
// without this file there is none, and the reader gets "Internal Server Error" in text/plain.
// The status stays 500: a static page cannot choose 503.
export default function ServerError() {
  return (
    <>
      <Head>
        <title>Page unavailable · Daily Insight</title>
      </Head>
      <SiteShell>
        <StatusMessage title="Something went wrong">
          <p>This page could not be loaded just now. Please try again in a moment.</p>
          <p>
            <Link href="/">Read the latest insights</Link>
          </p>
        </StatusMessage>
      </SiteShell>
    </>
  );
}
