"use client";

import { lazy, Suspense, useState, type ReactNode } from "react";
import type { ChartData } from "../../lib/content/chart";

// The server's SVG chart (children) until the reader asks to explore it; only then is recharts
// downloaded (a few hundred KB the first-load budget of the article cannot carry). Hovering or
// focusing the button starts the download early.

const loadInteractiveChart = () => import("./interactive-chart");
const InteractiveChart = lazy(loadInteractiveChart);

export function ChartExplorer({ chart, children }: { chart: ChartData; children: ReactNode }) {
  const [exploring, setExploring] = useState(false);
  const preload = () => void loadInteractiveChart();
  return (
    <>
      {exploring ? (
        <Suspense
          fallback={
            <>
              {children}
              <p className="chart__status" role="status">
                Loading the interactive chart…
              </p>
            </>
          }
        >
          <InteractiveChart chart={chart} />
        </Suspense>
      ) : (
        children
      )}
      <button
        type="button"
        className="chart__explore"
        aria-pressed={exploring}
        onClick={() => setExploring((current) => !current)}
        onPointerEnter={preload}
        onFocus={preload}
      >
        {exploring ? "Show the static chart" : "Explore this chart"}
      </button>
    </>
  );
}
