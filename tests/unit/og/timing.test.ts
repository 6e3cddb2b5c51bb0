import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { toPostCardData } from "@/lib/og/card-data";
import { PostCard } from "@/lib/og/cards";
import { renderCard } from "@/lib/og/render";
import { seedPost } from "./fixtures";

// How long one new card takes to draw (fonts already parsed): printed for the record, with a
// loose ceiling that only catches a pathological regression on a shared 2-core machine.

const RUNS = 20;

describe("card render time", () => {
  it(`draws the seed post card, p50 of ${RUNS}`, async () => {
    const data = toPostCardData(seedPost);
    await renderCard(createElement(PostCard, data)).arrayBuffer(); // warm-up: fonts, wasm
    const times: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      const started = performance.now();
      await renderCard(createElement(PostCard, data)).arrayBuffer();
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    const p50 = times[Math.floor(RUNS / 2)] ?? 0;
    const p90 = times[Math.floor(RUNS * 0.9)] ?? 0;
    console.log(
      `og card render: p50 ${p50.toFixed(1)} ms, p90 ${p90.toFixed(1)} ms (${RUNS} runs)`,
    );
    expect(p50).toBeLessThan(2000);
  });
});
