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
    defineField({
      name: "bio",
      title: "Bio",
      type: "text",
      rows: 4,
      description: "A few sentences for the author's page: who they are and what they cover",
    }),
    defineField({
      name: "disclosure",
      title: "Standing disclosure",
      type: "text",
      rows: 4,
      description:
        "What readers should know about the author's interests beyond each post's positions " +
        "(holdings policy, affiliations, compensation); shown on the author's page",
    }),
  ],
  preview: { select: { title: "name", subtitle: "role" } },
});
