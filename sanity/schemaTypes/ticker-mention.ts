import { defineField, defineType } from "sanity";

// One linked ticker in a post, with the note that says why it matters there.
export const tickerMentionType = defineType({
  name: "tickerMention",
  title: "Ticker mention",
  type: "object",
  fields: [
    defineField({
      name: "ticker",
      title: "Ticker",
      type: "reference",
      to: [{ type: "ticker" }],
      options: {
        // Offer only tickers this post does not link yet.
        filter: ({ document }) => {
          const mentions =
            (document as { tickers?: Array<{ ticker?: { _ref?: string } }> }).tickers ?? [];
          const ids = mentions.flatMap((mention) =>
            mention.ticker?._ref ? [mention.ticker._ref] : [],
          );
          return { filter: "!(_id in $ids)", params: { ids } };
        },
      },
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: "note",
      title: "Note",
      type: "text",
      rows: 3,
      description: "Why this ticker matters in this post",
      validation: (rule) =>
        rule.required().error("Every ticker mention needs a note on why it matters"),
    }),
  ],
  preview: {
    select: { symbol: "ticker.symbol", name: "ticker.name", note: "note" },
    prepare: ({ symbol, name, note }) => ({
      title: [symbol, name].filter(Boolean).join(" — ") || "Choose a ticker",
      subtitle: note,
    }),
  },
});
