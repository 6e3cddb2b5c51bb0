import { useId } from "react";
import { BarChartSvg } from "./bar-chart-svg";
import { describeChart, type ChartData } from "../../lib/content/chart";
import { ChartExplorer } from "./chart-explorer";
import { ChartTable } from "./chart-table";
import { LineChartSvg } from "./line-chart-svg";
import "./chart.css";

// A chart block, drawn on the server: the SVG is in the HTML, costs no JavaScript, and a
// <title> on each mark gives the hover read-out. The data table beside it is the accessible
// form of the same figures. ChartExplorer swaps in an interactive recharts version on request.
export function ChartFigure({ chart }: { chart: ChartData }) {
  const titleId = useId();
  const legend = chart.series.length > 1;
  return (
    <figure className="chart" data-chart-kind={chart.kind}>
      <figcaption className="chart__caption">
        <span className="chart__title">{chart.title}</span>
        {chart.caption ? <span className="chart__text">{chart.caption}</span> : null}
      </figcaption>
      {chart.series.length > 0 ? (
        <>
          <span id={titleId} hidden>
            {`${chart.title}. ${describeChart(chart)}`}
          </span>
          <ChartExplorer chart={chart}>
            {chart.kind === "bar" ? (
              <BarChartSvg chart={chart} titleId={titleId} />
            ) : (
              <LineChartSvg chart={chart} titleId={titleId} />
            )}
          </ChartExplorer>
          {legend ? (
            <ul className="chart__legend" aria-hidden="true">
              {chart.series.map((series, index) => (
                <li key={series.key} className={`chart__series--${index % 4}`}>
                  {series.name}
                </li>
              ))}
            </ul>
          ) : null}
          <details className="chart__data">
            <summary>Show data</summary>
            <ChartTable chart={chart} />
          </details>
        </>
      ) : (
        <p className="chart__empty">No data for this chart yet.</p>
      )}
      {chart.source ? <p className="chart__source">Source: {chart.source}</p> : null}
    </figure>
  );
}
