import { formatRange, formatValue, type ChartData } from "../../lib/content/chart";

/** The chart's figures as a table: what screen readers and copy-paste get. */
export function ChartTable({ chart }: { chart: ChartData }) {
  const multiSeries = chart.series.length > 1;
  return (
    <table className="chart__table">
      <caption className="chart__table-caption">{`Data for “${chart.title}”`}</caption>
      <thead>
        <tr>
          {multiSeries ? <th scope="col">Series</th> : null}
          <th scope="col">Label</th>
          <th scope="col">Value</th>
          <th scope="col">Range</th>
        </tr>
      </thead>
      <tbody>
        {chart.series.flatMap((series) =>
          series.points.map((point) => (
            <tr key={`${series.key}-${point.key}`}>
              {multiSeries ? <td>{series.name}</td> : null}
              <th scope="row">{point.label}</th>
              <td>{formatValue(point.value, chart.unit)}</td>
              <td>
                {point.low !== undefined && point.high !== undefined
                  ? formatRange(point.low, point.high, chart.unit)
                  : "—"}
              </td>
            </tr>
          )),
        )}
      </tbody>
    </table>
  );
}
