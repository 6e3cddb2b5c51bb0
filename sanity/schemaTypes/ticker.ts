import { defineField, defineType } from "sanity";
import { validateSymbol } from "./rules.ts";
import { uniqueFieldValidator } from "./unique.ts";

export const TICKER_KINDS = [
  { title: "ETF", value: "etf" },
  { title: "Stock", value: "stock" },
  { title: "Index", value: "index" },
  { title: "Fund", value: "fund" },
] as const;

export const tickerType = defineType({
  name: "ticker",
  title: "Ticker",
  type: "document",
  fields: [
    defineField({
      name: "symbol",
      title: "Symbol",
      type: "string",
      description: "Exchange symbol in upper case, e.g. IWM or BRK.B",
      validation: (rule) => [
        rule.required(),
        rule.custom<string>(validateSymbol),
        rule.custom<string>(uniqueFieldValidator("ticker", "symbol", "symbol")),
      ],
    }),
    defineField({
      name: "name",
      title: "Name",
      type: "string",
      description: "e.g. iShares Russell 2000 ETF",
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: "kind",
      title: "Kind",
      type: "string",
      options: { list: [...TICKER_KINDS], layout: "radio", direction: "horizontal" },
      initialValue: "stock",
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: "exchange",
      title: "Exchange",
      type: "string",
      description: "Where it is listed, e.g. NASDAQ or NYSE Arca",
    }),
    defineField({
      name: "description",
      title: "Description",
      type: "text",
      rows: 3,
    }),
  ],
  orderings: [{ title: "Symbol", name: "symbolAsc", by: [{ field: "symbol", direction: "asc" }] }],
  preview: {
    select: { symbol: "symbol", name: "name", kind: "kind" },
    prepare: ({ symbol, name, kind }) => ({
      title: symbol || "New ticker",
      subtitle: [name, typeof kind === "string" ? kind.toUpperCase() : undefined]
        .filter(Boolean)
        .join(" · "),
    }),
  },
});
