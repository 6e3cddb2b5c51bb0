"use server";

import { refresh } from "next/cache";
import { draftMode } from "next/headers";

/** Re-renders the caller's draft preview (refresh() sends the page back with this response). */
export async function refreshPreview(): Promise<void> {
  if ((await draftMode()).isEnabled) refresh();
}
