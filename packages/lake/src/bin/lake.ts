#!/usr/bin/env node
// `lake` (`npx lake`): the local Content Lake on its own, configured by its environment (see the
// package README). Daily Insight's `npm run lake` runs the same with its webhook's filter and
// projection (scripts/lake.ts).
import { runLake } from "./run.ts";

await runLake();
