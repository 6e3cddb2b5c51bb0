import Link from "next/link";
import type { ReactNode } from "react";
import {
  accountPath,
  disclosuresPath,
  feedPath,
  homePath,
  searchPath,
  tickersPath,
} from "@/lib/routes";
import { sans, serif } from "./fonts";
import { ThemeToggle } from "./theme-toggle";
import "./site.css";

// The public site's chrome: skip link, header with the mark and main navigation, footer.
// Rendered by components/site-document.tsx; the Studio has its own root layout and none of this.
export function SiteShell({ children }: { children: ReactNode }) {
  return (
    <div className={`site ${sans.variable} ${serif.variable}`}>
      <a className="skip-link" href="#content">
        Skip to content
      </a>
      <header className="site-header">
        <div className="container site-header__inner">
          <Link href={homePath} className="site-mark">
            Daily Insight
          </Link>
          <nav aria-label="Main">
            <ul className="site-nav">
              <li>
                <Link href={homePath}>Insights</Link>
              </li>
              <li>
                <Link href={tickersPath}>Tickers</Link>
              </li>
              <li>
                <Link href={searchPath()}>Search</Link>
              </li>
              <li>
                {/* Per reader and never cached: prefetching it from every page would cost a
                    session lookup (or the sign-in redirect) per page view, for one click. */}
                <Link href={accountPath} prefetch={false}>
                  Account
                </Link>
              </li>
            </ul>
          </nav>
          <ThemeToggle />
        </div>
      </header>
      <main id="content" className="container site-main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <div className="container">
          <p>Daily Insight — market commentary, not investment advice.</p>
          <p className="site-footer__links">
            <Link href={disclosuresPath}>Disclaimer and disclosures</Link>
            <a href={feedPath}>RSS feed</a>
          </p>
        </div>
      </footer>
    </div>
  );
}
