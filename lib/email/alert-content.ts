// What an alert or a digest says about a post, as the fan-out snapshots it when the post goes
// live (post_announcements.content): plain data, so a message reads the same whichever worker
// sends it and whenever, and the templates need no I/O. Pure vocabulary: no server-only.
import type { Position } from "@/lib/content/disclosure";

export interface AlertTicker {
  symbol: string;
  /** Why the ticker matters in this post (post.tickers[].note). */
  note: string | null;
  /** The author's position (post.tickers[].position); null on a mention written before it. */
  position: Position | null;
}

export interface AlertPost {
  id: string;
  title: string;
  summary: string | null;
  /** Absolute article URL, from SITE_URL. */
  url: string;
  publishedAt: string;
  authorName: string | null;
  /** Every ticker the post covers, in the post's order. */
  tickers: AlertTicker[];
}

/** A post as one reader receives it: only the tickers on their watchlists, in the post's order. */
export interface PostForReader {
  post: AlertPost;
  tickers: AlertTicker[];
}

/** Links every message carries (absolute). */
export interface MessageLinks {
  /** One-click unsubscribe, signed for this reader (RFC 8058 POST target, and the footer link). */
  unsubscribeUrl: string;
  /** The reader's email settings (/account). */
  settingsUrl: string;
  siteUrl: string;
}

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}
