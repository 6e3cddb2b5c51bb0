import { appendFile, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { clientFor, randomToken, startLakeProcess, startTestLake, tempDir } from "./fixture.ts";
import type { TestLake } from "./fixture.ts";

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function lake(options: Parameters<typeof startTestLake>[0] = {}): Promise<TestLake> {
  const started = await startTestLake(options);
  cleanups.push(() => started.lake.close());
  return started;
}

const rawState = (t: TestLake) =>
  t.client
    .fetch<Array<Record<string, unknown>>>("*", {}, { perspective: "raw" })
    .then((docs) => docs.sort((a, b) => String(a._id).localeCompare(String(b._id))));

async function readLines(file: string): Promise<unknown[]> {
  const text = await readFile(file, "utf8").catch(() => "");
  return text
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line));
}

describe("persistence", () => {
  it("keeps every document across a restart, in Sanity's NDJSON format plus a transaction log", async () => {
    const dataDir = await tempDir();
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const first = await lake({ dataDir });
    await first.client.create({ _id: "a", _type: "t", n: 1 });
    await first.client.createOrReplace({ _id: "drafts.a", _type: "t", n: 2 });
    await first.client.transaction().create({ _id: "b", _type: "t" }).delete("b").commit();
    const before = await rawState(first);
    const log = (await readLines(path.join(dataDir, "production", "log.ndjson"))) as Array<{
      tx: string;
      docs: unknown[];
    }>;
    expect(log).toHaveLength(2);
    expect(log[0]).toMatchObject({
      tx: expect.any(String),
      ts: expect.any(String),
      docs: [{ id: "a", doc: expect.objectContaining({ _id: "a" }) }],
    });
    const second = await first.restart();
    cleanups.push(() => second.lake.close());
    expect(await rawState(second)).toEqual(before);
  });

  it("compaction writes a snapshot, empties the log and keeps all data", async () => {
    const dataDir = await tempDir();
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const first = await lake({ dataDir, compaction: { maxLines: 10 } });
    for (let i = 0; i < 35; i++)
      await first.client.createOrReplace({ _id: `doc-${i % 12}`, _type: "t", i });
    await first.client.delete("doc-3");
    const before = await rawState(first);
    expect(before).toHaveLength(11);
    const logLines = await readLines(path.join(dataDir, "production", "log.ndjson"));
    expect(logLines.length).toBeLessThan(10);
    const snapshot = (await readLines(path.join(dataDir, "production", "data.ndjson"))) as Array<{
      _id: string;
    }>;
    expect(snapshot.length).toBeGreaterThan(0);
    const second = await first.restart();
    cleanups.push(() => second.lake.close());
    expect(await rawState(second)).toEqual(before);
  });

  it("replaying a log over a snapshot that already holds it is harmless (crash between rename and truncate)", async () => {
    const dataDir = await tempDir();
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const first = await lake({ dataDir });
    for (let i = 0; i < 5; i++)
      await first.client.createOrReplace({ _id: `d${i % 3}`, _type: "t", i });
    await first.client.delete("d1");
    const before = await rawState(first);
    await first.lake.close();
    await writeFile(
      path.join(dataDir, "production", "data.ndjson"),
      before.map((doc) => JSON.stringify(doc)).join("\n") + "\n",
    );
    const second = await lake({ dataDir, token: first.token });
    expect(await rawState(second)).toEqual(before);
  });

  it("ignores a torn last log line and keeps appending after it", async () => {
    const dataDir = await tempDir();
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const first = await lake({ dataDir });
    await first.client.create({ _id: "kept", _type: "t" });
    await first.lake.close();
    await appendFile(
      path.join(dataDir, "production", "log.ndjson"),
      '{"tx":"torn","ts":"2026-01-01T00:00:00Z","docs":[{"id":"torn","doc":{"_id":"to',
    );
    const second = await lake({ dataDir, token: first.token });
    expect((await rawState(second)).map((doc) => doc._id)).toEqual(["kept"]);
    await second.client.create({ _id: "after", _type: "t" });
    const third = await second.restart();
    cleanups.push(() => third.lake.close());
    expect((await rawState(third)).map((doc) => doc._id)).toEqual(["after", "kept"]);
  });

  it(
    "loses no acknowledged mutation when the process is killed with SIGKILL mid-burst",
    { timeout: 90_000 },
    async () => {
      const dataDir = await tempDir();
      const cwd = await tempDir();
      cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
      cleanups.push(() => rm(cwd, { recursive: true, force: true }));
      const token = randomToken();
      const child = await startLakeProcess({ dataDir, token, cwd });
      cleanups.push(async () => {
        child.child.kill("SIGKILL");
        await child.exited;
      });

      const acknowledged: string[] = [];
      let next = 0;
      let killed = false;
      const worker = async () => {
        while (next < 1000) {
          const id = `burst-${next++}`;
          try {
            await child.client.create({ _id: id, _type: "burst", payload: "x".repeat(200) });
            acknowledged.push(id);
            if (acknowledged.length === 400 && !killed) {
              killed = true;
              child.child.kill("SIGKILL");
            }
          } catch {
            // Unacknowledged (in flight when the process died): may or may not be there.
          }
        }
      };
      await Promise.all(Array.from({ length: 24 }, worker));
      expect(await child.exited).toBe("SIGKILL");
      expect(acknowledged.length).toBeGreaterThanOrEqual(400);

      const restarted = await lake({ dataDir, token });
      const stored = new Set(await restarted.client.fetch<string[]>('*[_type == "burst"]._id'));
      const lost = acknowledged.filter((id) => !stored.has(id));
      expect(lost).toEqual([]);
      const more = await clientFor(restarted.lake.url, token).create({ _type: "burst" });
      expect(more._id).toBeTruthy();
    },
  );
});
