import {
  chartExtent,
  chartLabels,
  formatPoint,
  formatValue,
  niceTicks,
  percent,
  type ChartData,
} from "../../lib/content/chart";

// Lines and areas over the labels, drawn with percentage x coordinates and pixel y
// coordinates so text keeps its size at any width. Areas are filled in a nested SVG stretched
// to the plot (preserveAspectRatio="none" distorts nothing a fill shows). A range point is a
// whisker from low to high around its value.

const LEFT = 12; // %
const WIDTH = 85; // %
const TOP = 30;
const PLOT_HEIGHT = 200;
const HEIGHT = TOP + PLOT_HEIGHT + 30;

export function LineChartSvg({ chart, titleId }: { chart: ChartData; titleId: string }) {
  const ticks = niceTicks(chartExtent(chart));
  const min = ticks[0] ?? 0;
  const max = ticks[ticks.length - 1] ?? 1;
  const labels = chartLabels(chart);
  // Position across the plot, 0–100, with half a step of padding at each end.
  const across = (index: number) => ((index + 0.5) / labels.length) * 100;
  const outer = (index: number) => LEFT + (across(index) * WIDTH) / 100;
  const y = (value: number) => PLOT_HEIGHT - ((value - min) / (max - min || 1)) * PLOT_HEIGHT;
  const baseline = y(Math.max(min, Math.min(0, max)));

  return (
    <svg
      className="chart__svg"
      width="100%"
      height={HEIGHT}
      role="img"
      aria-labelledby={titleId}
      data-kind={chart.kind}
    >
      <g aria-hidden="true">
        {chart.unit ? (
          <text className="chart__axis-title" x={0} y={14}>
            {`(${chart.unit})`}
          </text>
        ) : null}
        {ticks.map((tick) => (
          <text
            key={tick}
            className="chart__tick"
            x={percent(LEFT - 1.5)}
            y={TOP + y(tick) + 4}
            textAnchor="end"
          >
            {formatValue(tick, chart.unit)}
          </text>
        ))}
        {labels.map((label, index) => (
          <text
            key={label}
            className="chart__label"
            x={percent(outer(index))}
            y={TOP + PLOT_HEIGHT + 20}
            textAnchor="middle"
          >
            {label}
          </text>
        ))}
      </g>
      <svg x={percent(LEFT)} y={TOP} width={percent(WIDTH)} height={PLOT_HEIGHT} overflow="visible">
        <g className="chart__grid" aria-hidden="true">
          {ticks.map((tick) => (
            <line key={tick} x1="0" x2="100%" y1={y(tick)} y2={y(tick)} />
          ))}
        </g>
        {chart.series.map((series, index) => {
          const placed = series.points.map((point) => ({
            point,
            at: labels.indexOf(point.label),
          }));
          return (
            <g key={series.key} className={`chart__series chart__series--${index % 4}`}>
              {chart.kind === "area" ? (
                <svg
                  viewBox={`0 0 100 ${PLOT_HEIGHT}`}
                  preserveAspectRatio="none"
                  width="100%"
                  height={PLOT_HEIGHT}
                  overflow="visible"
                  aria-hidden="true"
                >
                  <polygon
                    className="chart__area"
                    points={[
                      `${across(placed[0]?.at ?? 0)},${baseline}`,
                      ...placed.map(({ point, at }) => `${across(at)},${y(point.value)}`),
                      `${across(placed[placed.length - 1]?.at ?? 0)},${baseline}`,
                    ].join(" ")}
                  />
                </svg>
              ) : null}
              {placed.slice(1).map(({ point, at }, i) => {
                const previous = placed[i];
                if (!previous) return null;
                return (
                  <line
                    key={point.key}
                    className="chart__line"
                    x1={percent(across(previous.at))}
                    y1={y(previous.point.value)}
                    x2={percent(across(at))}
                    y2={y(point.value)}
                  />
                );
              })}
              {placed.map(({ point, at }) => {
                const isRange = point.low !== undefined && point.high !== undefined;
                const text = formatPoint(point, chart.unit);
                return (
                  <g
                    key={point.key}
                    className="chart__datum"
                    data-label={point.label}
                    data-value={point.value}
                    data-low={point.low}
                    data-high={point.high}
                  >
                    <title>{`${chart.series.length > 1 ? `${series.name}, ` : ""}${point.label}: ${text}`}</title>
                    {isRange ? (
                      <line
                        className="chart__whisker"
                        x1={percent(across(at))}
                        x2={percent(across(at))}
                        y1={y(point.low as number)}
                        y2={y(point.high as number)}
                      />
                    ) : null}
                    <circle
                      className="chart__dot"
                      cx={percent(across(at))}
                      cy={y(point.value)}
                      r={4}
                    />
                    <text
                      className="chart__value"
                      x={percent(across(at))}
                      y={y(isRange ? (point.high as number) : point.value) - 8}
                      textAnchor="middle"
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
    </svg>
  );
}
