import type { Metadata } from "next";
import Link from "next/link";
import { notFound, permanentRedirect } from "next/navigation";
import { FeedLink } from "@/components/feed-link";
import { FormattedDate } from "@/components/formatted-date";
import { Pagination } from "@/components/pagination";
import { StatusMessage } from "@/components/status-message";
import { WatchToggle } from "@/components/watchlist/watch-toggle";
import { getTickerBySymbolOrNotFound, listPostsForTicker } from "@/lib/sanity/tickers";
import { tickerFeedTitle } from "@/lib/feed/channels";
import { postPath, tickerFeedPath, tickerPath, tickersPath } from "@/lib/routes";
import { pageAlternates } from "@/lib/site/metadata";
import { pageHref, pageLinks } from "@/lib/site/pagination";
import { resolveSymbolSegment } from "@/lib/site/symbol-route";
import { socialCardImages } from "@/lib/og/metadata";
import { toggleWatch } from "@/components/watchlist/actions";
import { positionStatement } from "@/lib/content/disclosure";

// A ticker's page, a page of its coverage at a time: page 1 at /tickers/[symbol], page N at
// /tickers/[symbol]?page=N (proxy.ts rewrites it to pages/[page]).

const KIND_LABEL = { etf: "ETF", stock: "Stock", index: "Index", fund: "Fund" } as const;

/** The symbol this URL shows, after redirecting other spellings and rejecting non-symbols. */
function symbolFrom(segment: string, page: number): string {
  const route = resolveSymbolSegment(segment);
  if (route.kind === "not-found") notFound();
  if (route.kind === "redirect") permanentRedirect(pageHref(tickerPath(route.symbol), page));
  return route.symbol;
}

export async function tickerPageMetadata(segment: string, page: number): Promise<Metadata> {
  const ticker = await getTickerBySymbolOrNotFound(symbolFrom(segment, page));
  const title = `${ticker.symbol}: ${ticker.name}`;
  const description =
    ticker.description ?? `Every Daily Insight on ${ticker.name} (${ticker.symbol}), newest first.`;
  const card = socialCardImages(tickerPath(ticker.symbol), title);
  return {
    title: page > 1 ? `${title}, page ${page}` : title,
    description,
    alternates: pageAlternates(pageHref(tickerPath(ticker.symbol), page), {
      url: tickerFeedPath(ticker.symbol),
      title: tickerFeedTitle(ticker.symbol),
    }),
    openGraph: {
      type: "website",
      url: tickerPath(ticker.symbol),
      title,
      description,
      images: card.openGraph,
    },
    twitter: { card: "summary_large_image", images: card.twitter },
  };
}

export async function TickerPage({ segment, page }: { segment: string; page: number }) {
  const ticker = await getTickerBySymbolOrNotFound(symbolFrom(segment, page));
  const { posts, pageCount, total } = await listPostsForTicker(ticker.id, { page });
  if (page > pageCount) notFound();
  const facts = [ticker.kind ? KIND_LABEL[ticker.kind] : null, ticker.exchange].filter(Boolean);
  return (
    <>
      <header className="ticker-header">
        <p className="ticker-header__symbol">{ticker.symbol}</p>
        <h1 className="page-title">{ticker.name}</h1>
        {facts.length > 0 ? <p className="ticker-header__facts">{facts.join(" · ")}</p> : null}
        <WatchToggle
          symbol={ticker.symbol}
          action={toggleWatch}
          returnTo={pageHref(tickerPath(ticker.symbol), page)}
        />
        {ticker.description ? (
          <p className="ticker-header__description">{ticker.description}</p>
        ) : null}
        <FeedLink href={tickerFeedPath(ticker.symbol)} subject={ticker.symbol} />
      </header>
      <section aria-labelledby="coverage">
        <h2 id="coverage" className="section-title">
          Coverage{total > 0 ? ` (${total})` : ""}
        </h2>
        {posts.length === 0 ? (
          <StatusMessage title="No insights yet">
            <p>No published insight covers {ticker.symbol} yet.</p>
          </StatusMessage>
        ) : (
          <ol className="timeline">
            {posts.map((post) => (
              <li key={post.id} className="timeline__item">
                <p className="timeline__date">
                  <FormattedDate value={post.publishedAt} />
                </p>
                <h3 className="timeline__title">
                  <Link href={postPath(post.slug)}>{post.title}</Link>
                </h3>
                {post.note ? (
                  <p className="timeline__note">
                    <span className="timeline__note-label">Why {ticker.symbol} matters here: </span>
                    {post.note}
                  </p>
                ) : null}
                <p className="timeline__position">
                  {positionStatement(post.position, ticker.symbol)}
                </p>
              </li>
            ))}
          </ol>
        )}
        <Pagination
          page={page}
          pageCount={pageCount}
          links={pageLinks(tickerPath(ticker.symbol), page, pageCount)}
          label="Coverage pages"
        />
      </section>
      <p>
        <Link href={tickersPath}>All tickers</Link>
      </p>
    </>
  );
}
