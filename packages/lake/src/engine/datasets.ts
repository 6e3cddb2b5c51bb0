import { readdir } from "node:fs/promises";
import path from "node:path";
import { datasetNotFound } from "../model/errors.ts";
import { DATASET_NAME } from "../model/ids.ts";
import { datasetExists } from "../persist/persistence.ts";
import type { CompactionLimits } from "../persist/persistence.ts";
import { Dataset } from "./store.ts";
import type { WebhookDispatcher } from "./webhooks.ts";

export const DEFAULT_DATASET = "production";

/** Known datasets: every valid name with a folder under dataDir, plus `production` (created on demand). */
export class DatasetRegistry {
  private readonly opened = new Map<string, Promise<Dataset>>();
  private readonly dataDir: string;
  private readonly webhooks: { dispatcher: WebhookDispatcher; maxOwed?: number };
  private readonly limits: Partial<CompactionLimits>;

  constructor(
    dataDir: string,
    webhooks: { dispatcher: WebhookDispatcher; maxOwed?: number },
    limits: Partial<CompactionLimits> = {},
  ) {
    this.dataDir = dataDir;
    this.webhooks = webhooks;
    this.limits = limits;
  }

  async get(name: string): Promise<Dataset> {
    const existing = this.opened.get(name);
    if (existing) return existing;
    if (!DATASET_NAME.test(name)) throw datasetNotFound(name);
    if (name !== DEFAULT_DATASET && !(await datasetExists(path.join(this.dataDir, name))))
      throw datasetNotFound(name);
    let opening = this.opened.get(name);
    if (!opening) {
      opening = Dataset.open(this.dataDir, name, this.limits, this.webhooks);
      opening.catch(() => this.opened.delete(name));
      this.opened.set(name, opening);
    }
    return opening;
  }

  async list(): Promise<string[]> {
    const names = new Set([DEFAULT_DATASET]);
    try {
      for (const entry of await readdir(this.dataDir, { withFileTypes: true })) {
        if (entry.isDirectory() && DATASET_NAME.test(entry.name)) names.add(entry.name);
      }
    } catch {
      // No data folder yet: only the default dataset.
    }
    return [...names].sort();
  }

  /** Opens every dataset on disk, so start-up (not the first request) pays for loading. */
  async openAll(): Promise<void> {
    await Promise.all((await this.list()).map((name) => this.get(name)));
  }

  async close(): Promise<void> {
    const datasets = await Promise.allSettled(this.opened.values());
    await Promise.all(
      datasets.map((result) => (result.status === "fulfilled" ? result.value.close() : undefined)),
    );
    this.opened.clear();
  }
}
