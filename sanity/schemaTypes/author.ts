import { defineField, defineType } from "sanity";
import { uniqueSlug } from "./unique.ts";

export const authorType = defineType({
  name: "author",
  title: "Author",
  type: "document",
  fields: [
    defineField({
      name: "name",
      title: "Name",
      type: "string",
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: "slug",
      title: "Slug",
      type: "slug",
      options: { source: "name", maxLength: 96, isUnique: uniqueSlug("author") },
      validation: (rule) => rule.required(),
    }),
    defineField({ name: "role", title: "Role", type: "string", description: "e.g. Markets desk" }),
  ],
  preview: { select: { title: "name", subtitle: "role" } },
});
