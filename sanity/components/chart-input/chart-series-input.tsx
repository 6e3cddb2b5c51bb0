import { Grid as Columns, Stack } from "@sanity/ui";
import { useEffect, useRef, useState } from "react";
import { set, unset, useFormValue, type ArrayOfObjectsInputProps } from "sanity";
import type { ChartBlock } from "../../../lib/content/chart.ts";
import type { ChartSeriesValue } from "../../schemaTypes/rules.ts";
import { ChartPreview } from "./chart-preview.tsx";
import { gridToSeries, seriesToGrid, withKeys, type Grid } from "./grid.ts";
import { PasteBox } from "./paste-box.tsx";
import { SeriesTable } from "./series-table.tsx";

/** The block as the site reads it from the lake (every key present), for the live preview. */
const drawable = (series: ChartSeriesValue[]): ChartBlock["series"] =>
  series.map(({ _key = "", name, points = [] }) => ({
    _type: "chartSeries",
    _key,
    name,
    points: points.map(({ _key: key = "", label, value, low, high }) => ({
      _type: "chartPoint",
      _key: key,
      label,
      value,
      low,
      high,
    })),
  }));

const newKey = () => crypto.randomUUID().replaceAll("-", "").slice(0, 12);

// The chart's `series` field: a table to edit, a box to paste a spreadsheet into, and the
// chart drawn live beside them by the site's own component. Cells that do not read as numbers
// stay in the table, marked, and are not saved until they do.
export function ChartSeriesInput(props: ArrayOfObjectsInputProps) {
  const value = props.value as ChartSeriesValue[] | undefined;
  const { onChange } = props;
  const chart = useFormValue(props.path.slice(0, -1)) as ChartBlock | undefined;
  const [grid, setGrid] = useState<Grid>(() => seriesToGrid(value));
  const saved = useRef(JSON.stringify(value ?? []));

  // Another editor (or undo) changed the series: show theirs.
  useEffect(() => {
    const incoming = JSON.stringify(value ?? []);
    if (incoming === saved.current) return;
    saved.current = incoming;
    setGrid(seriesToGrid(value));
  }, [value]);

  const { series, errors } = gridToSeries(grid, value, newKey);

  const save = (next: ChartSeriesValue[]) => {
    saved.current = JSON.stringify(next);
    onChange(next.length > 0 ? set(next) : unset());
  };

  const edit = (next: Grid) => {
    setGrid(next);
    const result = gridToSeries(next, value, newKey);
    if (result.errors.length === 0) save(result.series);
  };

  return (
    <Stack gap={3} data-testid="chart-series-input">
      <Columns gridTemplateColumns={[1, 1, 2]} gap={3}>
        <SeriesTable grid={grid} errors={errors} onChange={edit} />
        <ChartPreview
          block={{ ...chart, _type: "chart", _key: "preview", series: drawable(series) }}
        />
      </Columns>
      <PasteBox
        onApply={(parsed) => {
          const next = withKeys(parsed, newKey);
          setGrid(seriesToGrid(next));
          save(next);
        }}
      />
    </Stack>
  );
}
