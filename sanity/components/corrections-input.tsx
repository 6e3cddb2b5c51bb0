import { LockIcon } from "@sanity/icons/Lock";
import { Card, Flex, Stack, Text } from "@sanity/ui";
import { createContext, useContext } from "react";
import {
  useEditState,
  useFormValue,
  type ArrayOfObjectsInputProps,
  type ObjectItemProps,
} from "sanity";
import { publishedId } from "../../lib/content/ids.ts";
import {
  publishedCorrectionChanges,
  publishedCorrectionsProblem,
  type CorrectionValue,
} from "../schemaTypes/rules.ts";

// Where the editor works on corrections: each published one is marked as locked, and a removed
// or rewritten one is named above the list, as Publish names it (publish-action.tsx, which
// enforces it). Read from the published version the Studio already holds, synchronously.

const PublishedCorrections = createContext<CorrectionValue[] | undefined>(undefined);

export const PUBLISHED_CORRECTION_NOTE =
  "Published — add a new correction instead of changing this one";

/** The post's corrections field: the default list, with what Publish will refuse, if anything. */
export function CorrectionsInput(props: ArrayOfObjectsInputProps) {
  const id = useFormValue(["_id"]);
  const type = useFormValue(["_type"]);
  const { published } = useEditState(
    publishedId(typeof id === "string" ? id : ""),
    typeof type === "string" ? type : "post",
  );
  const publishedList = (published?.corrections ?? undefined) as CorrectionValue[] | undefined;
  const problem = publishedCorrectionsProblem(props.value as CorrectionValue[], publishedList);
  return (
    <PublishedCorrections.Provider value={publishedList}>
      <Stack gap={3}>
        {problem ? (
          <Card tone="critical" padding={3} radius={2} border role="alert">
            <Text size={1}>{problem}</Text>
          </Card>
        ) : null}
        {props.renderDefault(props)}
      </Stack>
    </PublishedCorrections.Provider>
  );
}

/** A correction in the list; one already published says it is locked. */
export function CorrectionItem(props: ObjectItemProps) {
  const published = useContext(PublishedCorrections);
  const key = props.value._key;
  const old = published?.find((item) => item._key === key);
  if (!old) return props.renderDefault(props);
  const rewritten = publishedCorrectionChanges([props.value as CorrectionValue], [old]).length > 0;
  return (
    <Stack gap={1}>
      {props.renderDefault(props)}
      <Card tone={rewritten ? "critical" : "inherit"} paddingX={2} paddingBottom={1}>
        <Flex align="center" gap={2}>
          <Text size={1} muted={!rewritten}>
            <LockIcon />
          </Text>
          <Text size={1} muted={!rewritten}>
            {rewritten
              ? "Published, and changed here: undo the change and add a new correction instead"
              : PUBLISHED_CORRECTION_NOTE}
          </Text>
        </Flex>
      </Card>
    </Stack>
  );
}
