import { visionTool } from "@sanity/vision";
import { defineConfig } from "sanity";
import { presentationTool } from "sanity/presentation";
import { structureTool } from "sanity/structure";
import {
  apiHost,
  apiVersion,
  dataset,
  isLocalProject,
  projectId,
  siteUrl,
  studioBasePath,
} from "./env.ts";
import { PreviewDraftAction } from "./components/preview-draft-action.tsx";
import { keepPublishedCorrections } from "./components/publish-action.tsx";
import { ScheduledBadge } from "./components/scheduled-badge.tsx";
import { resolve } from "./presentation.ts";
import { schemaTypes } from "./schemaTypes/index.ts";
import { structure } from "./structure.ts";

// Against the local Content Lake the Studio calls https://local.<apiHost> and logs in with a
// token passed once in the URL fragment (#token=…, at least 32 characters), kept in
// localStorage: no cookies, no Sanity account.
const localLake =
  isLocalProject && apiHost ? { apiHost, auth: { loginMethod: "token" as const, apiHost } } : {};

// Hosted features the lake does not serve (releases, scheduling, tasks, announcements): off
// offline, so the Studio neither waits for nor renders them (its first load is a budget of
// `npm run bench studio`).
const offlineFeatures = isLocalProject
  ? {
      releases: { enabled: false },
      scheduledDrafts: { enabled: false },
      scheduledPublishing: { enabled: false },
      tasks: { enabled: false },
      announcements: { enabled: false },
    }
  : {};

export default defineConfig({
  name: "default",
  title: "Daily Insight",
  projectId,
  dataset,
  basePath: studioBasePath,
  ...localLake,
  ...offlineFeatures,
  plugins: [
    structureTool({ structure }),
    // The site in an iframe, in draft mode: Presentation stores a preview secret and opens
    // /api/draft-mode/enable (as "Preview draft" does), then the site's <VisualEditing /> draws
    // click-to-edit overlays. Embedded, the site is the Studio's own origin.
    presentationTool({
      previewUrl: {
        ...(siteUrl ? { initial: siteUrl } : {}),
        previewMode: { enable: "/api/draft-mode/enable" },
      },
      resolve,
    }),
    visionTool({ defaultApiVersion: apiVersion }),
  ],
  schema: { types: schemaTypes },
  document: {
    // A post's Publish refuses removing or rewriting a published correction; otherwise it is
    // Sanity's own.
    actions: (actions, { schemaType }) =>
      schemaType === "post"
        ? [
            ...actions.map((action) =>
              action.action === "publish" ? keepPublishedCorrections(action) : action,
            ),
            PreviewDraftAction,
          ]
        : actions,
    badges: (badges, { schemaType }) =>
      schemaType === "post" ? [ScheduledBadge, ...badges] : badges,
  },
});
