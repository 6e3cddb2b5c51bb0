import type { DocumentActionComponent } from "sanity";
import { publishedCorrectionsProblem, type CorrectionValue } from "../schemaTypes/rules.ts";

// A published correction is a public record: Publish refuses a post whose edits remove or rewrite
// one, and says which and what to do instead. Checked here, from the edited and published
// versions the action is handed, synchronously: as a custom validator that fetched the published
// version it left the Studio's validation stale.
//
// The guard holds only while a published version exists. Unpublish, then remove or rewrite the
// correction, then Publish passes: `published` is null, so there is nothing to compare with (as
// after Duplicate and Delete of the original). Closing it needs a record that outlives
// unpublishing: the last published revision from the history API (which the local lake does not
// serve), or the published corrections copied into the document when it is published (replacing
// Sanity's Publish with an action that patches, then publishes). Neither is built (README,
// "Corrections and disclosures").

type WithCorrections = { corrections?: CorrectionValue[] } | null | undefined;

/** Why `edited` may not be published over `published`, or `undefined` when it may. */
export function correctionsPublishProblem(
  edited: WithCorrections,
  published: WithCorrections,
): string | undefined {
  if (!edited || !published) return undefined;
  return publishedCorrectionsProblem(edited.corrections, published.corrections);
}

const wrapped = new WeakMap<DocumentActionComponent, DocumentActionComponent>();

/**
 * Sanity's Publish action (`publish`, as the actions resolver hands it over), disabled with the
 * reason while a published correction is removed or rewritten, and otherwise itself. One wrapper
 * per action: the Studio runs each action as a hook, and a new function each time the resolver
 * runs would reset its state (a publish waiting for validation, say).
 */
export function keepPublishedCorrections(
  publish: DocumentActionComponent,
): DocumentActionComponent {
  const existing = wrapped.get(publish);
  if (existing) return existing;
  const usePublish = publish;
  const PublishKeepingCorrections: DocumentActionComponent = (props) => {
    // Called on every render, whatever the corrections say: it holds hooks.
    const description = usePublish(props);
    const problem = correctionsPublishProblem(
      (props.version ?? props.draft) as WithCorrections,
      props.published as WithCorrections,
    );
    if (!description || !problem) return description;
    return { ...description, disabled: true, title: problem, shortcut: null };
  };
  PublishKeepingCorrections.action = publish.action;
  PublishKeepingCorrections.displayName = "PublishKeepingCorrections";
  wrapped.set(publish, PublishKeepingCorrections);
  return PublishKeepingCorrections;
}
