import { defineArrayMember, defineField, defineType } from "sanity";
import { LINK_SCHEMES } from "../../lib/content/links.ts";

// The body of a post: Portable Text with headings, lists, links, ticker references and charts.
export const blockContentType = defineType({
  name: "blockContent",
  title: "Body",
  type: "array",
  of: [
    defineArrayMember({
      type: "block",
      styles: [
        { title: "Normal", value: "normal" },
        { title: "Heading 2", value: "h2" },
        { title: "Heading 3", value: "h3" },
        { title: "Heading 4", value: "h4" },
      ],
      lists: [
        { title: "Bullet", value: "bullet" },
        { title: "Numbered", value: "number" },
      ],
      marks: {
        decorators: [
          { title: "Strong", value: "strong" },
          { title: "Emphasis", value: "em" },
          { title: "Code", value: "code" },
        ],
        annotations: [
          defineArrayMember({
            name: "link",
            title: "Link",
            type: "object",
            fields: [
              defineField({
                name: "href",
                title: "URL",
                type: "url",
                validation: (rule) => rule.required().uri({ scheme: [...LINK_SCHEMES] }),
              }),
            ],
          }),
          defineArrayMember({
            name: "tickerRef",
            title: "Ticker",
            type: "object",
            fields: [
              defineField({
                name: "ticker",
                title: "Ticker",
                type: "reference",
                to: [{ type: "ticker" }],
                validation: (rule) => rule.required(),
              }),
            ],
          }),
        ],
      },
    }),
    defineArrayMember({ type: "chart" }),
  ],
});
