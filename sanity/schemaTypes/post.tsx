import { defineArrayMember, defineField, defineType } from "sanity";
import type { TickerMentionValue } from "./rules.ts";
import { validateUniqueTickerMentions } from "./rules.ts";
import { uniqueSlug } from "./unique.ts";
import { PostMedia } from "../components/post-publish-state.tsx";

const recommendedTopic = defineArrayMember({
  name: "recommendedTopic",
  title: "Recommended topic",
  type: "object",
  fields: [
    defineField({
      name: "title",
      title: "Title",
      type: "string",
      validation: (rule) => rule.required(),
    }),
    defineField({ name: "description", title: "Description", type: "text", rows: 2 }),
  ],
  preview: { select: { title: "title", subtitle: "description" } },
});

export const postType = defineType({
  name: "post",
  title: "Daily Insight",
  type: "document",
  groups: [
    { name: "content", title: "Content", default: true },
    { name: "tickers", title: "Tickers" },
    { name: "meta", title: "Details" },
  ],
  fields: [
    defineField({
      name: "title",
      title: "Title",
      type: "string",
      group: "content",
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: "slug",
      title: "Slug",
      type: "slug",
      group: "meta",
      options: { source: "title", maxLength: 96, isUnique: uniqueSlug("post") },
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: "publishedAt",
      title: "Published at",
      type: "datetime",
      group: "meta",
      initialValue: () => new Date().toISOString(),
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: "author",
      title: "Author",
      type: "reference",
      to: [{ type: "author" }],
      group: "meta",
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: "summary",
      title: "Summary",
      type: "text",
      rows: 3,
      group: "content",
      description: "One or two sentences for lists, feeds and social cards",
      validation: (rule) => [
        rule.required(),
        rule.max(300).warning("Keep the summary under 300 characters"),
      ],
    }),
    defineField({
      name: "tickers",
      title: "Tickers",
      type: "array",
      group: "tickers",
      description: "Each ticker this post discusses, once, with a note on why it matters",
      of: [defineArrayMember({ type: "tickerMention" })],
      validation: (rule) => rule.custom<TickerMentionValue[]>(validateUniqueTickerMentions),
    }),
    defineField({
      name: "keyPoints",
      title: "Key points",
      type: "array",
      group: "content",
      of: [defineArrayMember({ type: "keyPoint" })],
    }),
    defineField({
      name: "body",
      title: "Body",
      type: "blockContent",
      group: "content",
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: "recommendedTopics",
      title: "Recommended topics",
      type: "array",
      group: "content",
      of: [recommendedTopic],
    }),
  ],
  orderings: [
    {
      title: "Newest first",
      name: "publishedAtDesc",
      by: [{ field: "publishedAt", direction: "desc" }],
    },
  ],
  preview: {
    select: {
      id: "_id",
      title: "title",
      publishedAt: "publishedAt",
      symbol0: "tickers.0.ticker.symbol",
      symbol1: "tickers.1.ticker.symbol",
      symbol2: "tickers.2.ticker.symbol",
      symbol3: "tickers.3.ticker.symbol",
      symbol4: "tickers.4.ticker.symbol",
      symbol5: "tickers.5.ticker.symbol",
    },
    prepare: ({ id, title, ...value }) => {
      return {
        title: title || "Untitled insight",
        subtitle: postSubtitleText(value),
        media: <PostMedia documentId={typeof id === "string" ? id : undefined} />,
      };
    },
  },
});

/** "2026-01-16 · IWM SPY": the date a post is (to be) published and up to five of its symbols. */
export function postSubtitleText(value: Record<string, unknown>): string {
  const { publishedAt, symbol0, symbol1, symbol2, symbol3, symbol4, symbol5 } = value;
  const symbols = [symbol0, symbol1, symbol2, symbol3, symbol4].filter(Boolean);
  const date = typeof publishedAt === "string" ? publishedAt.slice(0, 10) : "Not scheduled";
  return [date, symbols.join(" ") + (symbol5 ? " …" : "")].filter(Boolean).join(" · ");
}
