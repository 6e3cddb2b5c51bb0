import { defineField, defineType } from "sanity";
import { isPosition, POSITIONS, positionTitle } from "../../lib/content/disclosure.ts";

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
    defineField({
      name: "position",
      title: "Author position",
      type: "string",
      description:
        "The author's position in this ticker when the post is published: readers see it " +
        "beside the note",
      options: {
        list: POSITIONS.map((value) => ({ value, title: positionTitle[value] })),
        layout: "radio",
        direction: "horizontal",
      },
      // No initial value: the author states it for every ticker before the post can be published.
      validation: (rule) =>
        rule.required().error("State the author's position in this ticker (none, long or short)"),
    }),
  ],
  preview: {
    select: {
      symbol: "ticker.symbol",
      name: "ticker.name",
      note: "note",
      position: "position",
    },
    prepare: ({ symbol, name, note, position }) => ({
      title: [symbol, name].filter(Boolean).join(" — ") || "Choose a ticker",
      subtitle: [isPosition(position) ? `Author: ${positionTitle[position]}` : "", note]
        .filter(Boolean)
        .join(" · "),
    }),
  },
});
