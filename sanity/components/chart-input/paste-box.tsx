import { Button, Card, Flex, Stack, Text, TextArea } from "@sanity/ui";
import { useId, useState } from "react";
import { parseChartTable, type ParsedSeries } from "./parse-table.ts";

// Rows copied from a spreadsheet (tab-separated) or a CSV file replace the table at once.
export function PasteBox({ onApply }: { onApply: (series: ParsedSeries[]) => void }) {
  const [text, setText] = useState("");
  const id = useId();
  const result = text.trim() ? parseChartTable(text) : undefined;
  const summary =
    result?.ok === true
      ? `${result.series.length} series, ${new Set(result.series.flatMap((s) => s.points.map((p) => p.label))).size} rows`
      : undefined;

  return (
    <Card padding={3} radius={2} border tone="transparent">
      <Stack gap={3}>
        <Text as="label" htmlFor={id} size={1} weight="medium">
          Paste from a spreadsheet or CSV
        </Text>
        <Text size={1} muted>
          First column: labels. Other columns: one series each, or “Low”/“High” ends of a range; a
          cell like 22–26 is a range too. A first row of names is the header.
        </Text>
        <TextArea
          id={id}
          rows={4}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          placeholder={"Index\tForward P/E\nRussell 2000\t18\nS&P 500\t22–26"}
          style={{ fontFamily: "monospace" }}
        />
        {result?.ok === false ? (
          <Card padding={2} radius={2} tone="critical" role="alert">
            <Text size={1}>{result.error}</Text>
          </Card>
        ) : null}
        <Flex gap={3} align="center">
          <Button
            text="Replace the table with these rows"
            tone="primary"
            mode="ghost"
            disabled={result?.ok !== true}
            onClick={() => {
              if (result?.ok !== true) return;
              onApply(result.series);
              setText("");
            }}
          />
          {summary ? (
            <Text size={1} muted>
              {summary}
            </Text>
          ) : null}
        </Flex>
      </Stack>
    </Card>
  );
}
