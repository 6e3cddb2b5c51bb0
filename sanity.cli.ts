import { defineCliConfig } from "sanity/cli";
import { dataset, projectId } from "./sanity/env.ts";

// The Sanity CLI talks to api.sanity.io only (it has no apiHost setting), so commands that
// call the API need a hosted project; schema extraction, typegen and `sanity dev` do not.
export default defineCliConfig({
  api: { projectId, dataset },
  // `npm run typegen`: GROQ result types for every defineQuery in lib/sanity.
  typegen: {
    path: "./lib/sanity/**/*.ts",
    schema: "./sanity/extract.json",
    generates: "./lib/sanity/types.ts",
    overloadClientMethods: true,
  },
});
