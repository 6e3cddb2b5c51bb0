// Corrections, updates and clarifications to a published post (post.corrections[]): shown at the
// top of the article and in its feed item, and as the article's dateModified and `correction`
// in JSON-LD. Once published, a correction stays: the Studio's Publish refuses removing or
// rewriting one (sanity/schemaTypes/rules.ts, sanity/components/publish-action.tsx). Pure
// vocabulary, no I/O.

export const CORRECTION_KINDS = ["correction", "update", "clarification"] as const;
export type CorrectionKind = (typeof CORRECTION_KINDS)[number];

export const correctionKindTitle: Record<CorrectionKind, string> = {
  correction: "Correction",
  update: "Update",
  clarification: "Clarification",
};

export interface Correction {
  _key: string;
  kind: string | null;
  at: string | null;
  text: string | null;
}

/** What a reader is shown: complete entries only, newest first. */
export interface ShownCorrection {
  key: string;
  kind: CorrectionKind;
  title: string;
  at: string;
  text: string;
}

export function shownCorrections(corrections: readonly Correction[] | null | undefined) {
  const shown: ShownCorrection[] = [];
  for (const c of corrections ?? []) {
    if (!c.at || !c.text || Number.isNaN(Date.parse(c.at))) continue;
    const kind = (CORRECTION_KINDS as readonly string[]).includes(c.kind ?? "")
      ? (c.kind as CorrectionKind)
      : "correction";
    shown.push({ key: c._key, kind, title: correctionKindTitle[kind], at: c.at, text: c.text });
  }
  return shown.sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
}

/** When the post last changed for its readers: its latest correction, else its publication. */
export function dateModified(publishedAt: string, corrections: readonly ShownCorrection[]) {
  const latest = corrections[0]?.at;
  return latest && Date.parse(latest) > Date.parse(publishedAt) ? latest : publishedAt;
}
