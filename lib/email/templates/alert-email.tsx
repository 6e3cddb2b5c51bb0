// The instant alert (one post, the reader's watched tickers in it), and the parts the digest
// shares with it: the page, a ticker's note and position, the button and the footer.
// Mail clients ignore most CSS: every style is inline and readable on its own; the dark block
// below only sharpens it where prefers-color-scheme is honoured (Apple Mail, iOS), and the
// light colours are off-white so that clients which invert colours (Gmail) do so gently.
import {
  Button,
  Container,
  Head,
  Heading,
  Hr,
  Html,
  Link,
  Preview,
  Section,
  Text,
} from "@react-email/components";
import type { ReactNode } from "react";
import { positionStatement } from "../../content/disclosure.ts";
import type { AlertPost, AlertTicker, MessageLinks } from "../alert-content.ts";

const FONT = '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, Helvetica, Arial, sans-serif';
const SERIF = 'Georgia, "Times New Roman", serif';
const INK = "#1c1b19";
const MUTED = "#5f5b53";
const ACCENT = "#0b5cad";
/** Off-white, not white: Gmail's forced dark mode inverts it to a soft dark. */
const PAGE = "#f3f1ec";

const DARK_CSS = `
:root { color-scheme: light dark; supported-color-schemes: light dark; }
@media (prefers-color-scheme: dark) {
  .di-page { background-color: #161513 !important; }
  .di-card { background-color: #211f1c !important; border-color: #3a3732 !important; }
  .di-ink { color: #ece8e1 !important; }
  .di-muted { color: #b5afa4 !important; }
  .di-link { color: #8cbff2 !important; }
  .di-button { background-color: #8cbff2 !important; color: #0f1720 !important; }
  .di-rule { border-top-color: #3a3732 !important; }
}`;

/** "IWM", "IWM and SPY", "IWM, SPY, and QQQ". */
export const listSymbols = (symbols: string[]) =>
  new Intl.ListFormat("en", { type: "conjunction" }).format(symbols);

/** The words both the HTML and the plain-text part say (render.ts writes the text part). */
export const copy = {
  alertLead: (symbols: string[]) => `Daily Insight · New on ${listSymbols(symbols)}`,
  why: (symbol: string) => `Why ${symbol} matters here`,
  note: (ticker: AlertTicker) => ticker.note ?? `The post discusses ${ticker.symbol}.`,
  position: (ticker: AlertTicker) => positionStatement(ticker.position, ticker.symbol),
  byline: (post: AlertPost) => (post.authorName ? `By ${post.authorName}` : null),
  read: "Read the insight",
  reason: (symbols: string[]) =>
    `You get this because ${listSymbols(symbols)} ${symbols.length === 1 ? "is" : "are"} on your watchlist.`,
  manage: "Manage email alerts",
  unsubscribe: "Unsubscribe",
  disclaimer: "Daily Insight publishes commentary, not investment advice.",
};

const TITLE = {
  color: INK,
  fontFamily: SERIF,
  fontSize: "22px",
  lineHeight: "28px",
  margin: "0 0 12px",
};

export const styles = {
  body: { color: INK, fontSize: "16px", lineHeight: "26px", margin: "0 0 16px" },
  muted: { color: MUTED, fontSize: "15px", lineHeight: "22px", margin: "0 0 16px" },
  title: TITLE,
  pageTitle: { ...TITLE, fontSize: "26px", lineHeight: "32px" },
  heading: { color: INK, fontSize: "18px", lineHeight: "26px", margin: "24px 0 6px" },
  eyebrow: { color: MUTED, fontSize: "14px", lineHeight: "20px", margin: "0 0 8px" },
} as const;

export function EmailPage(props: {
  title: string;
  preview: string;
  symbols: string[];
  links: MessageLinks;
  children: ReactNode;
}) {
  return (
    <Html lang="en">
      <Head>
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light dark" />
        <meta name="supported-color-schemes" content="light dark" />
        <title>{props.title}</title>
        <style>{DARK_CSS}</style>
      </Head>
      {/* React Email's Body puts its style on an inner cell without the class, which the dark
          rule could not reach: a plain body and a classed wrapper table instead. */}
      <body className="di-page" style={{ backgroundColor: PAGE, margin: 0, padding: 0 }}>
        <Preview>{props.preview}</Preview>
        <Section className="di-page" style={{ backgroundColor: PAGE, padding: "16px 8px" }}>
          <Container
            className="di-card"
            style={{
              maxWidth: "560px",
              backgroundColor: "#fbfaf7",
              border: "1px solid #e4e0d8",
              borderRadius: "8px",
              padding: "24px 20px",
              fontFamily: FONT,
            }}
          >
            {props.children}
            <Footer symbols={props.symbols} links={props.links} />
          </Container>
        </Section>
      </body>
    </Html>
  );
}

export function PostTitle({ post, as }: { post: AlertPost; as: "h1" | "h2" }) {
  return (
    <Heading as={as} className="di-ink" style={as === "h1" ? styles.pageTitle : styles.title}>
      <Link href={post.url} className="di-ink" style={{ color: INK, textDecoration: "none" }}>
        {post.title}
      </Link>
    </Heading>
  );
}

export function PostLead({ post }: { post: AlertPost }) {
  return (
    <>
      {post.authorName && (
        <Text className="di-muted" style={styles.eyebrow}>
          {copy.byline(post)}
        </Text>
      )}
      {post.summary && (
        <Text className="di-ink" style={styles.body}>
          {post.summary}
        </Text>
      )}
    </>
  );
}

export function TickerNotes({ tickers, as }: { tickers: AlertTicker[]; as: "h2" | "h3" }) {
  return tickers.map((ticker) => (
    <Section key={ticker.symbol}>
      <Heading as={as} className="di-ink" style={styles.heading}>
        {copy.why(ticker.symbol)}
      </Heading>
      <Text className="di-ink" style={{ ...styles.body, margin: "0 0 6px" }}>
        {copy.note(ticker)}
      </Text>
      <Text className="di-muted" style={styles.muted}>
        {copy.position(ticker)}
      </Text>
    </Section>
  ));
}

export function ReadButton({ href }: { href: string }) {
  return (
    <Section style={{ margin: "8px 0 8px" }}>
      <Button
        href={href}
        className="di-button"
        style={{
          backgroundColor: ACCENT,
          color: "#ffffff",
          borderRadius: "6px",
          fontSize: "17px",
          fontWeight: 600,
          padding: "14px 24px",
        }}
      >
        {copy.read}
      </Button>
    </Section>
  );
}

export const Rule = () => (
  <Hr className="di-rule" style={{ borderTop: "1px solid #e4e0d8", margin: "24px 0" }} />
);

function Footer({ symbols, links }: { symbols: string[]; links: MessageLinks }) {
  const footerLink = { color: ACCENT, textDecoration: "underline", padding: "8px 0" };
  return (
    <Section>
      <Rule />
      <Text className="di-muted" style={styles.muted}>
        {copy.reason(symbols)}
      </Text>
      <Text className="di-muted" style={{ ...styles.muted, lineHeight: "36px" }}>
        <Link href={links.settingsUrl} className="di-link" style={footerLink}>
          {copy.manage}
        </Link>
        {" · "}
        <Link href={links.unsubscribeUrl} className="di-link" style={footerLink}>
          {copy.unsubscribe}
        </Link>
      </Text>
      <Text className="di-muted" style={{ ...styles.muted, fontSize: "14px", margin: 0 }}>
        {copy.disclaimer}
      </Text>
    </Section>
  );
}

export function AlertEmail({
  post,
  tickers,
  links,
  subject,
}: {
  post: AlertPost;
  tickers: AlertTicker[];
  links: MessageLinks;
  /** The message's subject, shown as the document title. */
  subject?: string;
}) {
  const symbols = tickers.map((t) => t.symbol);
  return (
    <EmailPage
      title={subject ?? post.title}
      preview={post.summary ?? `New on Daily Insight about ${listSymbols(symbols)}.`}
      symbols={symbols}
      links={links}
    >
      <Text className="di-muted" style={styles.eyebrow}>
        {copy.alertLead(symbols)}
      </Text>
      <PostTitle post={post} as="h1" />
      <PostLead post={post} />
      <TickerNotes tickers={tickers} as="h2" />
      <ReadButton href={post.url} />
    </EmailPage>
  );
}
