import type { Metadata } from "next";
import Link from "next/link";
import { notFound, permanentRedirect } from "next/navigation";
import { FeedLink } from "@/components/feed-link";
import { FormattedDate } from "@/components/formatted-date";
import { StatusMessage } from "@/components/status-message";
import { WatchToggle } from "@/components/watchlist/watch-toggle";
import {
  getTickerBySymbolOrNotFound,
  listPostsForTicker,
  listTickerSymbols,
} from "@/lib/sanity/tickers";
import { tickerFeedTitle } from "@/lib/feed/channels";
import { postPath, tickerFeedPath, tickerPath, tickersPath } from "@/lib/routes";
import { pageAlternates } from "@/lib/site/metadata";
import { resolveSymbolSegment } from "@/lib/site/symbol-route";
import { socialCardImages } from "@/lib/og/metadata";
import { toggleWatch } from "@/components/watchlist/actions";
import { positionStatement } from "@/lib/content/disclosure";

type Props = PageProps<"/tickers/[symbol]">;

const KIND_LABEL = { etf: "ETF", stock: "Stock", index: "Index", fund: "Fund" } as const;

// Prerender every known ticker; others render on first request. With Cache Components the
// list must not be empty, so when the Content Lake is unreachable at build time a placeholder
// that is not a symbol stands in (it renders the 404 without reading content).
export async function generateStaticParams(): Promise<Array<Awaited<Props["params"]>>> {
  try {
    const symbols = await listTickerSymbols();
    if (symbols.length > 0) return symbols.map(({ symbol }) => ({ symbol }));
  } catch {
    // Reported by sanityFetch; the pages render at request time instead.
  }
  return [{ symbol: "-" }];
}

/** The symbol this URL shows, after redirecting other spellings and rejecting non-symbols. */
function symbolFrom(segment: string): string {
  const route = resolveSymbolSegment(segment);
  if (route.kind === "not-found") notFound();
  if (route.kind === "redirect") permanentRedirect(tickerPath(route.symbol));
  return route.symbol;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const ticker = await getTickerBySymbolOrNotFound(symbolFrom((await params).symbol));
  const title = `${ticker.symbol}: ${ticker.name}`;
  const description =
    ticker.description ?? `Every Daily Insight on ${ticker.name} (${ticker.symbol}), newest first.`;
  const card = socialCardImages(tickerPath(ticker.symbol), title);
  return {
    title,
    description,
    alternates: pageAlternates(tickerPath(ticker.symbol), {
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

export default async function TickerPage({ params }: Props) {
  const ticker = await getTickerBySymbolOrNotFound(symbolFrom((await params).symbol));
  const posts = await listPostsForTicker(ticker.id);
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
          returnTo={tickerPath(ticker.symbol)}
        />
        {ticker.description ? (
          <p className="ticker-header__description">{ticker.description}</p>
        ) : null}
        <FeedLink href={tickerFeedPath(ticker.symbol)} subject={ticker.symbol} />
      </header>
      <section aria-labelledby="coverage">
        <h2 id="coverage" className="section-title">
          Coverage{posts.length > 0 ? ` (${posts.length})` : ""}
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
      </section>
      <p>
        <Link href={tickersPath}>All tickers</Link>
      </p>
    </>
  );
}
