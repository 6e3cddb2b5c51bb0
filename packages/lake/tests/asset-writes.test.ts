import { open } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { makePng, request, startTestLake } from "./fixture.ts";
import type { TestLake } from "./fixture.ts";

// An upload's asset document takes the one write path, transact(): refused while the dataset's
// log has failed (503), like any mutation, and never visible unless it was made durable.

let t: TestLake | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  await t?.cleanup();
  t = undefined;
});

/** Makes the next fsync of any file fail, as a full or failing disk would. */
async function failNextFsync(dir: string): Promise<void> {
  const handle = await open(path.join(dir, "probe"), "w");
  const prototype = Object.getPrototypeOf(handle) as { datasync(): Promise<void> };
  await handle.close();
  vi.spyOn(prototype, "datasync").mockRejectedValueOnce(
    Object.assign(new Error("EIO: i/o error, fdatasync"), { code: "EIO" }),
  );
}

describe("asset uploads write through transact()", () => {
  it("are refused once the log has failed, and leave no asset document behind", async () => {
    t = await startTestLake();
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    await failNextFsync(t.dataDir);
    await expect(t.client.create({ _id: "ticker-lost", _type: "ticker" })).rejects.toThrow();

    const png = makePng(2, 2);
    const upload = await request(`${t.lake.url}/v2025-02-19/assets/images/production`, {
      method: "POST",
      body: new Uint8Array(png),
      headers: { "content-type": "image/png" },
      token: t.token,
    });
    expect(upload.status).toBe(503);
    const assets = await t.client.fetch<unknown[]>('*[_type == "sanity.imageAsset"]');
    expect(assets).toEqual([]);
  });
});
