import { defineArrayMember, defineField, defineType } from "sanity";
import {
  CORRECTION_KINDS,
  correctionKindTitle,
  type CorrectionKind,
} from "../../lib/content/corrections.ts";
import type { CorrectionValue, TickerMentionValue } from "./rules.ts";
import { validateCorrections, validateUniqueTickerMentions } from "./rules.ts";
import { uniqueSlug } from "./unique.ts";
import { PostMedia } from "../components/post-publish-state.tsx";
import { CorrectionItem, CorrectionsInput } from "../components/corrections-input.tsx";

const correction = defineArrayMember({
  name: "correction",
  title: "Correction",
  type: "object",
  fields: [
    defineField({
      name: "kind",
      title: "Kind",
      type: "string",
      options: {
        list: CORRECTION_KINDS.map((value) => ({ value, title: correctionKindTitle[value] })),
        layout: "radio",
        direction: "horizontal",
      },
      initialValue: "correction",
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: "at",
      title: "Made at",
      type: "datetime",
      initialValue: () => new Date().toISOString(),
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: "text",
      title: "Text",
      type: "text",
      rows: 3,
      description: "What was wrong and what the post says now, in a sentence or two",
      validation: (rule) => rule.required().error("Say what was corrected"),
    }),
  ],
  components: { item: CorrectionItem },
  preview: {
    select: { kind: "kind", at: "at", text: "text" },
    prepare: ({ kind, at, text }) => ({
      title: text || "New correction",
      subtitle: [
        correctionKindTitle[kind as CorrectionKind] ?? "Correction",
        typeof at === "string" ? at.slice(0, 16).replace("T", " ") : "",
      ]
        .filter(Boolean)
        .join(" · "),
    }),
  },
});

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
      name: "corrections",
      title: "Corrections",
      type: "array",
      group: "meta",
      description:
        "Corrections, updates and clarifications, newest first, shown at the top of the " +
        "article. Once published, a correction stays: add a new one rather than editing it.",
      of: [correction],
      // Newest first, checked here. That a published correction is neither removed nor
      // rewritten (validateCorrections' other half) is checked against the published version
      // the Studio already holds: Publish refuses it with the reason
      // (sanity/components/publish-action.tsx), and the field marks published corrections as
      // locked and names a removed or rewritten one (corrections-input.tsx). Not a custom
      // validator here: one that fetched the published version left the Studio's validation
      // stale in e2e runs.
      components: { input: CorrectionsInput },
      validation: (rule) =>
        rule.custom<CorrectionValue[]>((corrections) =>
          validateCorrections(corrections, undefined),
        ),
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

/**
 * "2026-01-16 · IWM SPY": the date a post is published and up to five of its symbols; a post
 * whose time is still to come reads "Scheduled 2026-01-17 · …".
 */
export function postSubtitleText(value: Record<string, unknown>): string {
  const { publishedAt, symbol0, symbol1, symbol2, symbol3, symbol4, symbol5 } = value;
  const symbols = [symbol0, symbol1, symbol2, symbol3, symbol4].filter(Boolean);
  const at = typeof publishedAt === "string" ? Date.parse(publishedAt) : Number.NaN;
  const date = Number.isNaN(at)
    ? "Not scheduled"
    : `${at > Date.now() ? "Scheduled " : ""}${(publishedAt as string).slice(0, 10)}`;
  return [date, symbols.join(" ") + (symbol5 ? " …" : "")].filter(Boolean).join(" · ");
}
