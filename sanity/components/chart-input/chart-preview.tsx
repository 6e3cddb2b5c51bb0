import type { CSSProperties } from "react";
import { ChartFigure } from "../../../components/chart/chart-figure.tsx";
import { toChartData, type ChartBlock } from "../../../lib/content/chart.ts";

// The site's own chart component (components/chart), so the preview is drawn exactly as readers
// see it. The Studio has none of the site's CSS variables, so their light values are set here.
const SITE_COLOURS = {
  "--surface": "#ffffff",
  "--text": "#1c1b19",
  "--muted": "#5f5b53",
  "--border": "#e4e0d8",
  "--accent": "#0b5cad",
  "--font-sans": "Inter, system-ui, sans-serif",
  "--font-serif": "'Source Serif 4', Georgia, serif",
  color: "#1c1b19",
} as CSSProperties;

export function ChartPreview({ block }: { block: ChartBlock }) {
  return (
    <div data-testid="chart-preview" data-theme="light" style={SITE_COLOURS}>
      <ChartFigure chart={toChartData(block)} />
    </div>
  );
}
