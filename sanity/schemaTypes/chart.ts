import { defineArrayMember, defineField, defineType } from "sanity";
import { ChartSeriesInput } from "../components/chart-input/chart-series-input.tsx";
import type { ChartPointValue, ChartSeriesValue } from "./rules.ts";
import { validateChartPoint, validateChartSeries } from "./rules.ts";

export const CHART_KINDS = [
  { title: "Bar", value: "bar" },
  { title: "Line", value: "line" },
  { title: "Area", value: "area" },
] as const;

const chartPoint = defineArrayMember({
  name: "chartPoint",
  title: "Point",
  type: "object",
  fields: [
    defineField({
      name: "label",
      title: "Label",
      type: "string",
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: "value",
      title: "Value",
      type: "number",
      description: "Required unless the point is a range; for a range, its midpoint",
    }),
    defineField({
      name: "low",
      title: "Range low",
      type: "number",
      description: "Low end of a range, e.g. 22 for “22x–26x”",
    }),
    defineField({
      name: "high",
      title: "Range high",
      type: "number",
      description: "High end of a range",
    }),
  ],
  validation: (rule) => rule.custom<ChartPointValue>(validateChartPoint),
  preview: {
    select: { label: "label", value: "value", low: "low", high: "high" },
    prepare: ({ label, value, low, high }) => ({
      title: label,
      subtitle:
        typeof low === "number" && typeof high === "number"
          ? `${low}–${high}`
          : String(value ?? ""),
    }),
  },
});

const chartSeries = defineArrayMember({
  name: "chartSeries",
  title: "Series",
  type: "object",
  fields: [
    defineField({
      name: "name",
      title: "Name",
      type: "string",
      validation: (rule) => rule.required(),
    }),
    defineField({ name: "points", title: "Points", type: "array", of: [chartPoint] }),
  ],
  preview: {
    select: { title: "name", points: "points" },
    prepare: ({ title, points }) => ({
      title,
      subtitle: `${Array.isArray(points) ? points.length : 0} points`,
    }),
  },
});

export const chartType = defineType({
  name: "chart",
  title: "Chart",
  type: "object",
  // Wide enough for the data table and the live chart side by side.
  options: { modal: { type: "dialog", width: 2 } },
  fields: [
    defineField({
      name: "title",
      title: "Title",
      type: "string",
      validation: (rule) => rule.required(),
    }),
    defineField({ name: "caption", title: "Caption", type: "text", rows: 2 }),
    defineField({
      name: "kind",
      title: "Kind",
      type: "string",
      options: { list: [...CHART_KINDS], layout: "radio", direction: "horizontal" },
      initialValue: "bar",
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: "unit",
      title: "Unit",
      type: "string",
      description: "Appended to values, e.g. “x” or “%”",
    }),
    defineField({
      name: "series",
      title: "Series",
      type: "array",
      description: "Edit the figures as a table or paste them from a spreadsheet",
      of: [chartSeries],
      components: { input: ChartSeriesInput },
      validation: (rule) => rule.custom<ChartSeriesValue[]>(validateChartSeries),
    }),
    defineField({
      name: "source",
      title: "Source",
      type: "string",
      description: "Where the figures come from",
    }),
  ],
  preview: {
    select: { title: "title", kind: "kind", caption: "caption" },
    prepare: ({ title, kind, caption }) => ({
      title: title || "Chart",
      subtitle: [typeof kind === "string" ? `${kind} chart` : "chart", caption]
        .filter(Boolean)
        .join(" · "),
    }),
  },
});
