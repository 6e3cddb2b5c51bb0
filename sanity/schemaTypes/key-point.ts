import { defineField, defineType } from "sanity";

export const keyPointType = defineType({
  name: "keyPoint",
  title: "Key point",
  type: "object",
  fields: [
    defineField({
      name: "label",
      title: "Label",
      type: "string",
      description: "Shown in bold, e.g. “Historic Outperformance”",
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: "text",
      title: "Text",
      type: "text",
      rows: 3,
      validation: (rule) => rule.required(),
    }),
  ],
  preview: { select: { title: "label", subtitle: "text" } },
});
