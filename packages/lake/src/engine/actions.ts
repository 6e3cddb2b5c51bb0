import { conflict, invalid } from "../model/errors.ts";
import { getDraftId, getPublishedId } from "../model/ids.ts";
import { isRecord } from "../model/records.ts";
import { createDocument, patchDocument } from "./mutations.ts";
import type { MutateOptions } from "./mutations.ts";
import { strengthenOnPublish } from "../model/references.ts";
import type { WorkingSet } from "./working-set.ts";
import type { Doc } from "../model/types.ts";

// The Actions API (POST /data/actions/<ds>), which the Studio writes through. Each action is
// expressed as document writes on the working set; the whole request is one transaction.

type Action = Record<string, unknown> & { actionType?: unknown };

export function applyAction(ws: WorkingSet, action: unknown, options: MutateOptions): void {
  if (!isRecord(action) || typeof action.actionType !== "string")
    throw invalid("Each action needs an actionType");
  const handler = HANDLERS[action.actionType.replace(/^sanity\.action\.document\./, "")];
  if (!handler) throw invalid(`Unknown action type "${action.actionType}"`);
  handler(ws, action, options);
}

const HANDLERS: Record<string, (ws: WorkingSet, action: Action, options: MutateOptions) => void> = {
  create(ws, action, options) {
    const publishedId = requireId(action, "publishedId");
    const attributes = isRecord(action.attributes) ? action.attributes : undefined;
    if (!attributes) throw invalid("create needs attributes");
    const id = typeof attributes._id === "string" ? attributes._id : getDraftId(publishedId);
    if (id !== publishedId && ws.get(publishedId)) {
      throw conflict(
        "documentAlreadyExistsError",
        `A published document with ID "${publishedId}" already exists`,
        publishedId,
      );
    }
    if (ws.get(id)) {
      if (action.ifExists === "ignore") return;
      throw conflict("documentAlreadyExistsError", `Document by ID "${id}" already exists`, id);
    }
    createDocument(ws, "create", { ...attributes, _id: id }, options);
  },
  replaceDraft(ws, action, options) {
    const publishedId = requireId(action, "publishedId");
    const attributes = isRecord(action.attributes) ? action.attributes : {};
    const id = typeof attributes._id === "string" ? attributes._id : getDraftId(publishedId);
    if (!ws.get(id) && !ws.get(publishedId)) throw missing(publishedId);
    createDocument(ws, "createOrReplace", { ...attributes, _id: id }, options);
  },
  edit(ws, action, options) {
    const draftId = requireId(action, "draftId");
    const publishedId =
      typeof action.publishedId === "string" ? action.publishedId : getPublishedId(draftId);
    if (!isRecord(action.patch)) throw invalid("edit needs a patch");
    ensureDraft(ws, draftId, publishedId);
    patchDocument(ws, draftId, action.patch, options);
  },
  publish(ws, action) {
    const draftId = requireId(action, "draftId");
    const publishedId = requireId(action, "publishedId");
    const draft = ws.get(draftId);
    if (!draft) throw missing(draftId);
    const published = ws.get(publishedId);
    checkRevision(draft, action.ifDraftRevisionId, draftId);
    checkRevision(published, action.ifPublishedRevisionId, publishedId);
    const { _originalId: _ignored, ...content } = draft;
    const doc: Doc = { ...strengthenOnPublish(content), _id: publishedId };
    ws.put(publishedId, doc, { createOrReplace: doc });
    ws.put(draftId, null, { delete: { id: draftId } });
  },
  unpublish(ws, action) {
    const publishedId = requireId(action, "publishedId");
    const draftId = typeof action.draftId === "string" ? action.draftId : getDraftId(publishedId);
    if (!ws.get(publishedId)) throw missing(publishedId);
    ensureDraft(ws, draftId, publishedId);
    ws.put(publishedId, null, { delete: { id: publishedId } });
  },
  discard(ws, action) {
    discard(ws, requireId(action, "draftId"));
  },
  delete(ws, action) {
    const publishedId = requireId(action, "publishedId");
    const drafts = Array.isArray(action.includeDrafts)
      ? action.includeDrafts.filter((id): id is string => typeof id === "string")
      : [];
    if (!ws.get(publishedId) && !drafts.some((id) => ws.get(id))) throw missing(publishedId);
    for (const id of [publishedId, ...drafts]) if (ws.get(id)) ws.put(id, null, { delete: { id } });
  },
  duplicate(ws, action, options) {
    const fromId = requireId(action, "fromId");
    const toId = requireId(action, "toId");
    const source = ws.get(fromId);
    if (!source) throw missing(fromId);
    const { _rev: _r, _createdAt: _c, _updatedAt: _u, _originalId: _o, ...content } = source;
    createDocument(ws, "create", { ...content, _id: toId }, options);
  },
  "version.create"(ws, action, options) {
    if (isRecord(action.document)) {
      createDocument(ws, "create", action.document, options);
      return;
    }
    const baseId = requireId(action, "baseId");
    const versionId = requireId(action, "versionId");
    const base = ws.get(baseId);
    if (!base) throw missing(baseId);
    checkRevision(base, action.ifBaseRevisionId, baseId);
    const { _rev: _r, _createdAt: _c, _updatedAt: _u, ...content } = base;
    createDocument(ws, "create", { ...content, _id: versionId }, options);
  },
  "version.replace"(ws, action, options) {
    if (!isRecord(action.document)) throw invalid("version.replace needs a document");
    const id = requireId(action.document, "_id");
    if (!ws.get(id)) throw missing(id);
    createDocument(ws, "createOrReplace", action.document, options);
  },
  "version.discard"(ws, action) {
    discard(ws, requireId(action, "versionId"));
  },
  "version.unpublish"(ws, action) {
    const versionId = requireId(action, "versionId");
    const publishedId = requireId(action, "publishedId");
    const published = ws.get(publishedId);
    if (!published) throw missing(publishedId);
    const current = ws.get(versionId) ?? { ...published, _id: versionId };
    const doc: Doc = {
      ...current,
      _system: { ...(isRecord(current._system) ? current._system : {}), delete: true },
    };
    ws.put(versionId, doc, { createOrReplace: doc });
  },
};

/** Editing a draft that does not exist yet starts it from the published document, as Sanity does. */
function ensureDraft(ws: WorkingSet, draftId: string, publishedId: string): void {
  if (ws.get(draftId)) return;
  const published = ws.get(publishedId);
  if (!published) throw missing(publishedId);
  const { _rev: _r, _updatedAt: _u, ...content } = published;
  const draft: Doc = { ...content, _id: draftId };
  ws.put(draftId, draft, { createIfNotExists: draft });
}

function discard(ws: WorkingSet, id: string): void {
  if (!ws.get(id)) throw missing(id);
  ws.put(id, null, { delete: { id } });
}

function checkRevision(doc: Doc | null, expected: unknown, id: string): void {
  if (typeof expected !== "string" || expected === "") return;
  if (doc?._rev !== expected) {
    throw conflict(
      "conflict",
      `Document "${id}" has unexpected revision ID ("${String(doc?._rev)}"), expected "${expected}"`,
      id,
    );
  }
}

function requireId(source: Record<string, unknown>, field: string): string {
  const value = source[field];
  if (typeof value !== "string" || value === "") throw invalid(`"${field}" is required`);
  return value;
}

const missing = (id: string) =>
  conflict("documentNotFoundError", `Document "${id}" does not exist`, id);
