"use client";

import { NextStudio } from "next-sanity/studio/client-component";
import config from "@/sanity/sanity.config";

// The Studio config holds functions (validation, previews), so it is imported on the client
// rather than passed across the server/client boundary as a prop.
export function Studio() {
  return <NextStudio config={config} />;
}
