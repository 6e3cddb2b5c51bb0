// The daily digest: the day's posts on the reader's tickers, one section per post, in the order
// given, on the same page, notes and footer as the instant alert.
import { Heading, Section, Text } from "@react-email/components";
import type { MessageLinks, PostForReader } from "../alert-content.ts";
import {
  EmailPage,
  PostLead,
  PostTitle,
  ReadButton,
  Rule,
  TickerNotes,
  listSymbols,
  styles,
} from "./alert-email.tsx";

/** Every watched symbol across the posts, once, in the order they first appear. */
export const digestSymbols = (posts: PostForReader[]) => [
  ...new Set(posts.flatMap((p) => p.tickers.map((t) => t.symbol))),
];

export const digestCopy = {
  heading: "Your Daily Insight digest",
  lead: (dayLabel: string, posts: PostForReader[]) =>
    `${dayLabel}: ${postCount(posts.length)} on ${listSymbols(digestSymbols(posts))}.`,
};

export const postCount = (n: number) => `${n} ${n === 1 ? "post" : "posts"}`;

export function DigestEmail({
  dayLabel,
  posts,
  links,
  subject,
}: {
  dayLabel: string;
  posts: PostForReader[];
  links: MessageLinks;
  /** The message's subject, shown as the document title. */
  subject?: string;
}) {
  return (
    <EmailPage
      title={subject ?? `${digestCopy.heading}: ${dayLabel}`}
      preview={posts.map(({ post }) => post.title).join(" · ")}
      symbols={digestSymbols(posts)}
      links={links}
    >
      <Heading as="h1" className="di-ink" style={styles.pageTitle}>
        {digestCopy.heading}
      </Heading>
      <Text className="di-muted" style={styles.muted}>
        {digestCopy.lead(dayLabel, posts)}
      </Text>
      {posts.map(({ post, tickers }) => (
        <Section key={post.id}>
          <Rule />
          <PostTitle post={post} as="h2" />
          <PostLead post={post} />
          <TickerNotes tickers={tickers} as="h3" />
          <ReadButton href={post.url} />
        </Section>
      ))}
    </EmailPage>
  );
}
