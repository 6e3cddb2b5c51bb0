"use client";

import { NextStudio } from "next-sanity/studio/client-component";
import { defineConfig } from "sanity";
import { structureTool } from "sanity/structure";

// Built with the lake's Studio address (tests/bench/servers.ts); the same token login and the
// same hosted features off as the site's Studio offline (sanity/sanity.config.ts), so the two
// differ only in what we add: our schema, structure, inputs, Presentation and Vision.
const apiHost = process.env.NEXT_PUBLIC_SANITY_API_HOST ?? "https://localhost:3999";

const config = defineConfig({
  name: "default",
  title: "Bare Studio",
  projectId: "local",
  dataset: "production",
  basePath: "/studio",
  apiHost,
  auth: { loginMethod: "token", apiHost },
  releases: { enabled: false },
  scheduledDrafts: { enabled: false },
  scheduledPublishing: { enabled: false },
  tasks: { enabled: false },
  announcements: { enabled: false },
  plugins: [structureTool()],
  schema: {
    types: [
      {
        name: "post",
        title: "Daily Insights",
        type: "document",
        fields: [{ name: "title", title: "Title", type: "string" }],
      },
    ],
  },
});

export function BareStudio() {
  return <NextStudio config={config} />;
}
