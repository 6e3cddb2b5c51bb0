import { chmod, mkdir, readdir, rm, stat, writeFile } from "node:fs/promises";
import http from "node:http";
import http2 from "node:http2";
import net from "node:net";
import path from "node:path";
import tls from "node:tls";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makePng, request, startTestLake, tempDir } from "./fixture.ts";
import type { TestLake } from "./fixture.ts";

let t: TestLake;
beforeAll(async () => {
  t = await startTestLake();
});
afterAll(async () => {
  await t.cleanup();
});

describe("malformed requests", () => {
  it("answers a malformed percent-escape anywhere in the path with a 400, not a 500", async () => {
    const paths = [
      "/v1/data/query/%E0%A4%A",
      "/v1/data/doc/production/post-%FF",
      "/v1/data/listen/%E0",
      "/v1/users/me/keyvalue/a,%E0%A4",
      "/v1/%ZZ/anything",
    ];
    for (const path of paths) {
      const response = await request(`${t.lake.url}${path}`, { token: t.token });
      expect(response, path).toMatchObject({
        status: 400,
        body: { error: "Bad Request", message: expect.stringContaining("percent-encoding") },
      });
    }
  });
});

describe("document ids and nesting, on every write path", () => {
  const refused = [
    "../../etc",
    "a\u0000b",
    "x".repeat(129),
    "-leading-dash",
    "drafts.-dash-segment",
    "two..dots",
    "with space",
    "slash/inside",
    "ünïcode",
  ];
  const accepted = [
    "x".repeat(128),
    "drafts.post-1",
    "versions.rA1b2.post-1",
    `image-${"a1".repeat(20)}-1200x630-png`,
    "_underscore.first",
    "9f1c2b7e-4b0d-4a8e-9d62-0c3c2f1b5a77",
  ];

  it("refuses ids hosted Sanity refuses with a 400 that says why, and stores nothing", async () => {
    for (const id of refused) {
      const via = {
        mutate: () =>
          request(`${t.lake.url}/v2025-02-19/data/mutate/production`, {
            method: "POST",
            token: t.token,
            body: JSON.stringify({ mutations: [{ createOrReplace: { _id: id, _type: "t" } }] }),
          }),
        action: () =>
          request(`${t.lake.url}/v2025-02-19/data/actions/production`, {
            method: "POST",
            token: t.token,
            body: JSON.stringify({
              actions: [
                {
                  actionType: "sanity.action.document.create",
                  publishedId: id,
                  attributes: { _id: id, _type: "t" },
                },
              ],
            }),
          }),
        import: () =>
          request(`${t.lake.url}/v1/data/import/production`, {
            method: "POST",
            token: t.token,
            body: `${JSON.stringify({ _id: id, _type: "t" })}\n`,
          }),
      };
      for (const [path, send] of Object.entries(via)) {
        const response = await send();
        expect(response.status, `${path} ${JSON.stringify(id)}`).toBe(400);
        expect(JSON.stringify(response.body)).toMatch(
          /Document ID .* (is not valid|characters long)/,
        );
      }
    }
    const stored = await t.client.fetch<string[]>(
      '*[_type == "t"]._id',
      {},
      { perspective: "raw" },
    );
    expect(stored).toEqual([]);
  });

  it("accepts every id hosted Sanity accepts, including drafts, versions and asset ids", async () => {
    await t.client.createOrReplace({ _id: "post-1", _type: "t" });
    for (const id of accepted) await t.client.createOrReplace({ _id: id, _type: "t" });
    const stored = await t.client.fetch<string[]>(
      '*[_type == "t"]._id',
      {},
      { perspective: "raw" },
    );
    expect(stored.sort()).toEqual([...accepted, "post-1"].sort());
    const deleted = t.client.transaction();
    for (const id of [...accepted, "post-1"]) deleted.delete(id);
    await deleted.commit();
  });

  it("refuses documents and request bodies nested deeper than 100 levels, without a 500", async () => {
    const nested = (depth: number): unknown => {
      let value: unknown = "leaf";
      for (let i = 0; i < depth; i++) value = { a: value };
      return value;
    };
    // Deeper than JSON.stringify itself can write, so built as text.
    const tooDeep = `${'{"a":'.repeat(5000)}"leaf"${"}".repeat(5000)}`;
    const deep = await request(`${t.lake.url}/v2025-02-19/data/mutate/production`, {
      method: "POST",
      token: t.token,
      body: `{"mutations":[{"create":{"_id":"deep","_type":"t","x":${tooDeep}}}]}`,
    });
    expect(deep).toMatchObject({
      status: 400,
      body: { message: expect.stringMatching(/100 levels/) },
    });
    // A document grown past the limit by patches, each within it.
    await t.client.create({ _id: "grows", _type: "t", x: nested(60) });
    const patched = await request(`${t.lake.url}/v2025-02-19/data/mutate/production`, {
      method: "POST",
      token: t.token,
      body: JSON.stringify({
        mutations: [{ patch: { id: "grows", set: { x: { y: nested(60) } } } }],
      }),
    });
    expect(patched.status).toBe(200);
    const grown = await request(`${t.lake.url}/v2025-02-19/data/mutate/production`, {
      method: "POST",
      token: t.token,
      body: JSON.stringify({
        mutations: [{ patch: { id: "grows", set: { [`x${".a".repeat(59)}`]: nested(60) } } }],
      }),
    });
    expect(grown).toMatchObject({ status: 400 });
    expect(JSON.stringify(grown.body)).toMatch(/more than 100 levels/);
    const deepParams = await request(`${t.lake.url}/v2025-02-19/data/query/production`, {
      method: "POST",
      body: `{"query":"$p","params":{"p":${tooDeep}}}`,
    });
    expect(deepParams.status).toBe(400);
    const urlParam = encodeURIComponent(JSON.stringify(nested(101)));
    const viaUrl = await request(
      `${t.lake.url}/v2025-02-19/data/query/production?query=$p&$p=${urlParam}`,
    );
    expect(viaUrl.status).toBe(400);
    await t.client.delete("grows");
  });
});

describe("uploads", () => {
  it("never takes a file's extension raw from ?filename=", async () => {
    const names = [
      "report.ph p",
      "x.<script>",
      "a.%00.html/..",
      ".htaccess",
      "y.ABCDEFGHIJ",
      "data.CSV",
    ];
    const extensions: string[] = [];
    for (const [index, filename] of names.entries()) {
      const asset = await t.client.assets.upload("file", Buffer.from(`file ${index}`), {
        filename,
      });
      expect(asset.originalFilename).toBe(filename);
      extensions.push(asset.extension);
    }
    expect(extensions).toEqual(["bin", "bin", "bin", "bin", "bin", "csv"]);
    const stored = await readdir(path.join(t.dataDir, "production", "assets"));
    for (const name of stored) expect(name).toMatch(/^[0-9a-f]{40}(-\d+x\d+)?\.[a-z0-9]{1,8}$/);
  });

  it("serves assets with nosniff and a sandboxing CSP, so an uploaded SVG runs no script", async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>';
    const asset = await t.client.assets.upload("file", Buffer.from(svg), { filename: "logo.svg" });
    const served = await fetch(asset.url);
    expect(served.headers.get("content-type")).toBe("image/svg+xml");
    expect(served.headers.get("x-content-type-options")).toBe("nosniff");
    expect(served.headers.get("content-security-policy")).toBe("default-src 'none'; sandbox");
  });
});

describe("files on disk", () => {
  const modeOf = async (file: string) => (await stat(file)).mode & 0o777;

  it("are readable by their owner only, like .env.local and the TLS key", async () => {
    const root = await tempDir();
    const dataDir = path.join(root, "lake");
    // A log and snapshot written before the lake made its files private are tightened on start.
    await mkdir(path.join(dataDir, "production"), { recursive: true });
    await writeFile(path.join(dataDir, "production", "log.ndjson"), "");
    await writeFile(path.join(dataDir, "production", "data.ndjson"), "");
    await chmod(path.join(dataDir, "production", "log.ndjson"), 0o644);
    await chmod(path.join(dataDir, "production", "data.ndjson"), 0o644);
    await chmod(path.join(dataDir, "production"), 0o755);
    const lake = await startTestLake({ dataDir, compaction: { maxLines: 2 } });
    try {
      const image = await lake.client.assets.upload("image", makePng(2, 2));
      await lake.client.create({ _id: "a", _type: "t" });
      await lake.client.create({ _id: "b", _type: "t" });
      const production = path.join(dataDir, "production");
      const files = {
        [dataDir]: 0o700,
        [production]: 0o700,
        [path.join(production, "log.ndjson")]: 0o600,
        [path.join(production, "data.ndjson")]: 0o600,
        [path.join(production, "assets")]: 0o700,
        [path.join(production, "assets", image.path.split("/").at(-1) ?? "")]: 0o600,
        [path.join(dataDir, ".tls")]: 0o700,
        [path.join(dataDir, ".tls", "localhost-key.pem")]: 0o600,
        [path.join(dataDir, ".tls", "localhost-cert.pem")]: 0o600,
      };
      const modes = Object.fromEntries(
        await Promise.all(Object.keys(files).map(async (file) => [file, await modeOf(file)])),
      );
      expect(modes).toEqual(files);
    } finally {
      await lake.cleanup();
      await rm(root, { recursive: true, force: true });
    }
  });
});

describe("silent connections", () => {
  let quick: TestLake;
  // Short timeouts and heartbeats, so that what takes 30 s (65 s idle) in use takes a blink here.
  const timeouts = { headersMs: 300, idleMs: 600 };
  beforeAll(async () => {
    quick = await startTestLake({ timeouts, heartbeatMs: 100 });
  });
  afterAll(async () => {
    await quick.cleanup();
  });

  /** Resolves when `emitter` closes; fails after `ms` (far beyond the lake's timeouts). */
  const closes = (emitter: { once(event: "close", listener: () => void): unknown }, what: string) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${what} was still open after 10 s`)),
        10_000,
      );
      emitter.once("close", () => {
        clearTimeout(timer);
        resolve();
      });
    });

  const tlsSocket = (protocol: string) =>
    tls.connect({
      host: "127.0.0.1",
      port: quick.lake.port,
      servername: "localhost",
      rejectUnauthorized: false,
      ALPNProtocols: [protocol],
    });

  it("closes connections that send nothing, or stop in the middle of a request head", async () => {
    const silent = net.connect(quick.lake.port, "127.0.0.1");
    const partial = net.connect(quick.lake.port, "127.0.0.1", () =>
      partial.write("GET /v1/ping HTTP/1.1\r\nHost: 127.0.0.1\r\n"),
    );
    const silentH2 = tlsSocket("h2");
    const silentTls = tlsSocket("http/1.1");
    for (const socket of [silent, partial, silentH2, silentTls]) {
      socket.on("error", () => undefined);
      // Read whatever the lake answers (a 408), or the socket never sees the end of it.
      socket.resume();
    }
    await Promise.all([
      closes(silent, "a connection that sent nothing"),
      closes(partial, "a stalled request head"),
      closes(silentH2, "a silent HTTP/2 connection"),
      closes(silentTls, "a silent HTTP/1.1 connection over TLS"),
    ]);
  });

  it("keeps listen streams open past those timeouts, over HTTP/1.1 and HTTP/2", async () => {
    const path = `/v2025-02-19/data/listen/production?query=${encodeURIComponent('*[_type == "ping"]')}`;
    const events = (stream: NodeJS.ReadableStream) => {
      let text = "";
      stream.setEncoding("utf8");
      stream.on("data", (chunk: string) => (text += chunk));
      return (event: string) =>
        new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`no ${event} event in 10 s`)), 10_000);
          const check = () => {
            if (!text.includes(`event: ${event}`)) return;
            clearTimeout(timer);
            stream.off("data", check);
            resolve();
          };
          stream.on("data", check);
          check();
        });
    };
    const plainStream = await new Promise<http.IncomingMessage>((resolve) =>
      http.get(`${quick.lake.url}${path}`, resolve),
    );
    const plainEvent = events(plainStream);
    const session = http2.connect(`https://localhost:${quick.lake.port}`, {
      rejectUnauthorized: false,
    });
    const h2Event = events(session.request({ ":path": path }));
    await Promise.all([plainEvent("welcome"), h2Event("welcome")]);

    // Once an idle HTTP/2 session and a silent socket opened now are closed, both timeouts have
    // passed for the streams too.
    const idleSession = http2.connect(`https://localhost:${quick.lake.port}`, {
      rejectUnauthorized: false,
    });
    idleSession.on("error", () => undefined);
    const silent = net.connect(quick.lake.port, "127.0.0.1");
    await Promise.all([
      closes(idleSession, "an idle HTTP/2 session"),
      closes(silent, "a silent socket"),
    ]);

    await quick.client.create({ _type: "ping" });
    await Promise.all([plainEvent("mutation"), h2Event("mutation")]);
    plainStream.destroy();
    session.destroy();
  });
});
