import {
  chartExtent,
  chartLabels,
  formatPoint,
  formatValue,
  niceTicks,
  percent,
  type ChartData,
} from "../../lib/content/chart";

// Horizontal bars, drawn with percentage x coordinates and pixel y coordinates so the SVG
// fills any width (320 px phones to desktop) without scaling its text. A range point is a
// bar from low to high with its value marked; a plain point is a bar from zero.

const PLOT_LEFT = 3; // %
const PLOT_WIDTH = 75; // %, leaving room on the right for value labels
const LABEL_HEIGHT = 20;
const BAR_HEIGHT = 20;
const BAR_GAP = 4;
const ROW_GAP = 14;
const AXIS_HEIGHT = 44;

export function BarChartSvg({ chart, titleId }: { chart: ChartData; titleId: string }) {
  const ticks = niceTicks(chartExtent(chart));
  const min = ticks[0] ?? 0;
  const max = ticks[ticks.length - 1] ?? 1;
  const x = (value: number) => PLOT_LEFT + ((value - min) / (max - min || 1)) * PLOT_WIDTH;
  const labels = chartLabels(chart);
  const rowHeight = LABEL_HEIGHT + chart.series.length * (BAR_HEIGHT + BAR_GAP) + ROW_GAP;
  const plotHeight = labels.length * rowHeight;
  const height = plotHeight + AXIS_HEIGHT;
  const axisTitle =
    chart.series.length === 1 && chart.series[0]
      ? `${chart.series[0].name}${chart.unit ? ` (${chart.unit})` : ""}`
      : chart.unit
        ? `Value (${chart.unit})`
        : "Value";

  return (
    <svg
      className="chart__svg"
      width="100%"
      height={height}
      role="img"
      aria-labelledby={titleId}
      data-kind="bar"
    >
      <g className="chart__grid" aria-hidden="true">
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={percent(x(tick))} x2={percent(x(tick))} y1={0} y2={plotHeight} />
            <text
              className="chart__tick"
              x={percent(x(tick))}
              y={plotHeight + 16}
              textAnchor="middle"
            >
              {formatValue(tick, chart.unit)}
            </text>
          </g>
        ))}
        <text className="chart__axis-title" x={percent(PLOT_LEFT)} y={plotHeight + 38}>
          {axisTitle}
        </text>
      </g>
      {labels.map((label, row) => {
        const top = row * rowHeight;
        return (
          <g key={label} className="chart__row">
            <text className="chart__label" x={percent(PLOT_LEFT)} y={top + 14}>
              {label}
            </text>
            {chart.series.map((series, index) => {
              const point = series.points.find((candidate) => candidate.label === label);
              if (!point) return null;
              const y = top + LABEL_HEIGHT + index * (BAR_HEIGHT + BAR_GAP);
              const isRange = point.low !== undefined && point.high !== undefined;
              const from = isRange ? (point.low as number) : Math.min(0, point.value);
              const to = isRange ? (point.high as number) : Math.max(0, point.value);
              const text = formatPoint(point, chart.unit);
              return (
                <g
                  key={series.key}
                  className={`chart__datum chart__series--${index % 4}`}
                  data-label={point.label}
                  data-value={point.value}
                  data-low={point.low}
                  data-high={point.high}
                >
                  <title>{`${chart.series.length > 1 ? `${series.name}, ` : ""}${label}: ${text}`}</title>
                  <rect
                    className={isRange ? "chart__range" : "chart__bar"}
                    x={percent(x(from))}
                    width={percent(Math.max(x(to) - x(from), 0.4))}
                    y={y}
                    height={BAR_HEIGHT}
                    rx={2}
                  />
                  {isRange ? (
                    <line
                      className="chart__marker"
                      x1={percent(x(point.value))}
                      x2={percent(x(point.value))}
                      y1={y - 3}
                      y2={y + BAR_HEIGHT + 3}
                    />
                  ) : null}
                  <text
                    className="chart__value"
                    x={percent(x(Math.max(to, 0)))}
                    dx={6}
                    y={y + BAR_HEIGHT / 2 + 5}
                  >
                    {text}
                  </text>
                </g>
              );
            })}
          </g>
        );
      })}
    </svg>
  );
}
