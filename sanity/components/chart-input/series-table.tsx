import { AddIcon } from "@sanity/icons/Add";
import { TrashIcon } from "@sanity/icons/Trash";
import { Button, Card, Flex, Stack, Text, TextInput } from "@sanity/ui";
import type { Grid, GridError } from "./grid.ts";

// The series as a table: a row per label, a column per series; cells take "18" or "22–26".
export function SeriesTable({
  grid,
  errors,
  onChange,
}: {
  grid: Grid;
  errors: GridError[];
  onChange: (grid: Grid) => void;
}) {
  const errorAt = (row: number, column: number) =>
    errors.find((error) => error.row === row && error.column === column);
  const setName = (column: number, name: string) =>
    onChange({ ...grid, names: grid.names.map((old, i) => (i === column ? name : old)) });
  const setRow = (row: number, change: { label?: string; column?: number; cell?: string }) =>
    onChange({
      ...grid,
      rows: grid.rows.map((old, i) =>
        i !== row
          ? old
          : {
              label: change.label ?? old.label,
              cells: old.cells.map((cell, c) => (c === change.column ? (change.cell ?? "") : cell)),
            },
      ),
    });
  const addSeries = () =>
    onChange({
      names: [...grid.names, `Series ${grid.names.length + 1}`],
      rows: grid.rows.map((row) => ({ ...row, cells: [...row.cells, ""] })),
    });
  const removeSeries = (column: number) =>
    onChange({
      names: grid.names.filter((_, i) => i !== column),
      rows: grid.rows.map((row) => ({ ...row, cells: row.cells.filter((_, i) => i !== column) })),
    });
  const addRow = () =>
    onChange({ ...grid, rows: [...grid.rows, { label: "", cells: grid.names.map(() => "") }] });
  const removeRow = (row: number) =>
    onChange({ ...grid, rows: grid.rows.filter((_, i) => i !== row) });

  return (
    <Stack gap={3}>
      <table aria-label="Chart data" style={{ borderCollapse: "collapse", width: "100%" }}>
        <thead>
          <tr>
            <th scope="col" style={{ textAlign: "left", padding: 2 }}>
              <Text size={1} weight="medium">
                Label
              </Text>
            </th>
            {grid.names.map((name, column) => (
              <th key={column} scope="col" style={{ padding: 2 }}>
                <Flex gap={1} align="center">
                  <TextInput
                    aria-label={`Name of series ${column + 1}`}
                    fontSize={1}
                    padding={2}
                    value={name}
                    onChange={(event) => setName(column, event.currentTarget.value)}
                  />
                  <Button
                    icon={TrashIcon}
                    mode="bleed"
                    tone="critical"
                    aria-label={`Remove series ${name || column + 1}`}
                    onClick={() => removeSeries(column)}
                  />
                </Flex>
              </th>
            ))}
            <th style={{ width: 1 }} />
          </tr>
        </thead>
        <tbody>
          {grid.rows.map((row, index) => (
            <tr key={index}>
              <td style={{ padding: 2 }}>
                <TextInput
                  aria-label={`Label of row ${index + 1}`}
                  fontSize={1}
                  padding={2}
                  value={row.label}
                  customValidity={errorAt(index, -1)?.message}
                  onChange={(event) => setRow(index, { label: event.currentTarget.value })}
                />
              </td>
              {row.cells.map((cell, column) => (
                <td key={column} style={{ padding: 2 }}>
                  <TextInput
                    aria-label={`${row.label || `Row ${index + 1}`}, ${grid.names[column] || `series ${column + 1}`}`}
                    fontSize={1}
                    padding={2}
                    inputMode="decimal"
                    value={cell}
                    customValidity={errorAt(index, column)?.message}
                    onChange={(event) => setRow(index, { column, cell: event.currentTarget.value })}
                  />
                </td>
              ))}
              <td>
                <Button
                  icon={TrashIcon}
                  mode="bleed"
                  tone="critical"
                  aria-label={`Remove row ${row.label || index + 1}`}
                  onClick={() => removeRow(index)}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {errors.length > 0 ? (
        <Card padding={2} radius={2} tone="critical" role="alert">
          <Stack gap={2}>
            {errors.map((error) => (
              <Text key={`${error.row}-${error.column}`} size={1}>
                {`Row ${error.row + 1}${error.column >= 0 ? `, ${grid.names[error.column] || `series ${error.column + 1}`}` : ""}: ${error.message}`}
              </Text>
            ))}
          </Stack>
        </Card>
      ) : null}
      <Flex gap={2}>
        <Button
          icon={AddIcon}
          text="Add row"
          mode="ghost"
          onClick={addRow}
          disabled={grid.names.length === 0}
        />
        <Button icon={AddIcon} text="Add series" mode="ghost" onClick={addSeries} />
      </Flex>
    </Stack>
  );
}
