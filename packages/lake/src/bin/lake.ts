#!/usr/bin/env node
// `lake` (`npm run lake`): the local Content Lake on its own, configured by its environment
// (see the package README).
import { runLake } from "./run.ts";

await runLake();
