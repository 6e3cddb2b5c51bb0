import { conflict } from "../model/errors.ts";
import { strongRefs } from "../model/references.ts";
import type { Change, Doc, Transaction } from "../model/types.ts";

// Referential integrity, as the hosted Content Lake enforces it (sanity.io/docs/reference-type:
// "A strong reference will enforce that the document it points to actually exists, and will not
// allow deletion of a document that any other document refers to"; weak references are exempt).
//
// A reference's target is exactly its `_ref` id. The hosted lake does not fall back from `x` to
// `drafts.x`: a strong reference to a document that exists only as a draft is refused, which is
// why the Studio writes such references weak with `_strengthenOnPublish` and blocks publishing
// the referrer until the target is published. Conversely a strong reference to `drafts.x` (which
// the Studio never writes, but scripts can) pins that draft, and the hosted lake then refuses to
// publish or discard it (sanity-io/sanity#2440) — so every id, drafts included, is a target.
// Unpublishing deletes the published document, so it is refused while anything — a draft too —
// strongly references it (sanity-io/sanity#7691), with no rule of its own.

/** Incoming strong references of committed documents: target id → ids of the referrers. */
export class ReferenceIndex {
  private readonly referrers = new Map<string, Set<string>>();

  constructor(docs: Iterable<Doc>) {
    for (const doc of docs) this.link(doc, true);
  }

  referrersOf(id: string): ReadonlySet<string> {
    return this.referrers.get(id) ?? NONE;
  }

  apply(change: Change): void {
    if (change.before) this.link(change.before, false);
    if (change.after) this.link(change.after, true);
  }

  private link(doc: Doc, add: boolean): void {
    for (const target of strongRefs(doc)) {
      let set = this.referrers.get(target);
      if (add) {
        if (!set) this.referrers.set(target, (set = new Set()));
        set.add(doc._id);
      } else if (set) {
        set.delete(doc._id);
        if (set.size === 0) this.referrers.delete(target);
      }
    }
  }
}

const NONE: ReadonlySet<string> = new Set();

/** What the check needs of the committed state the transaction applies to. */
export interface CommittedState {
  get(id: string): Doc | undefined;
  referrersOf(id: string): ReadonlySet<string>;
}

/**
 * Refuses (409) a transaction whose resulting state would break a strong reference. Only the
 * documents it writes are checked, against the state after all of its mutations, so a document
 * may reference one created later in the same transaction.
 */
export function checkReferences(tx: Transaction, committed: CommittedState): void {
  const changes = new Map(tx.changes.map((change) => [change.id, change]));
  const exists = (id: string) => {
    const change = changes.get(id);
    return change ? change.after !== null : committed.get(id) !== undefined;
  };
  for (const change of tx.changes) {
    if (change.before && !change.after) checkIncoming(change.id, changes, committed);
  }
  for (const change of tx.changes) {
    if (change.after) checkOutgoing(change.after, exists);
  }
}

/**
 * A deleted document must have no strong referrer left. Referrers this transaction writes are
 * left to `checkOutgoing`, which sees their new content.
 */
function checkIncoming(id: string, changes: Map<string, Change>, committed: CommittedState): void {
  for (const referrer of committed.referrersOf(id)) {
    if (changes.has(referrer)) continue;
    throw conflict(
      "documentHasExistingReferencesError",
      `Document "${id}" cannot be deleted as there are references to it from "${referrer}"`,
      id,
    );
  }
}

function checkOutgoing(doc: Doc, exists: (id: string) => boolean): void {
  for (const target of strongRefs(doc)) {
    if (exists(target)) continue;
    throw conflict(
      "documentReferenceNotFoundError",
      `Document "${doc._id}" references non-existent document "${target}"`,
      doc._id,
    );
  }
}
