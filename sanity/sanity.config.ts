import { visionTool } from "@sanity/vision";
import { defineConfig } from "sanity";
import { structureTool } from "sanity/structure";
import { apiHost, apiVersion, dataset, isLocalProject, projectId, studioBasePath } from "./env.ts";
import { schemaTypes } from "./schemaTypes/index.ts";
import { structure } from "./structure.ts";

// Against the local Content Lake the Studio calls https://local.<apiHost> and logs in with a
// token passed once in the URL fragment (#token=…, at least 32 characters), kept in
// localStorage: no cookies, no Sanity account.
const localLake =
  isLocalProject && apiHost ? { apiHost, auth: { loginMethod: "token" as const, apiHost } } : {};

export default defineConfig({
  name: "default",
  title: "Daily Insight",
  projectId,
  dataset,
  basePath: studioBasePath,
  ...localLake,
  plugins: [structureTool({ structure }), visionTool({ defaultApiVersion: apiVersion })],
  schema: { types: schemaTypes },
});
