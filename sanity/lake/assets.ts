import { createHash, randomUUID } from "node:crypto";
import { readFile, writeFile, rename } from "node:fs/promises";
import path from "node:path";
import { identityOf, requireToken } from "./context.ts";
import type { RequestContext } from "./context.ts";
import { badRequest, notFound } from "./errors.ts";
import { readBody, sendBytes, sendJson } from "./http.ts";
import { readImageInfo } from "./image-size.ts";
import { ensurePrivateDir, PRIVATE_FILE_MODE } from "./persistence.ts";
import { WorkingSet } from "./working-set.ts";
import type { Doc } from "./types.ts";

const MAX_ASSET_BYTES = 200 * 1024 * 1024;

const MIME_TYPES: Record<string, string> = {
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  gif: "image/gif",
  webp: "image/webp",
  svg: "image/svg+xml",
  pdf: "application/pdf",
  json: "application/json",
  txt: "text/plain; charset=utf-8",
  csv: "text/csv; charset=utf-8",
  mp4: "video/mp4",
};

const SAFE_EXTENSION = /^[a-z0-9]{1,8}$/;
const MIME_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/i;

// Asset bytes are whatever an editor uploaded (an SVG can carry script): browsers must take the
// declared type as final and must not run anything in a file opened on its own.
const ASSET_HEADERS = {
  "cache-control": "public, max-age=31536000, immutable",
  "x-content-type-options": "nosniff",
  "content-security-policy": "default-src 'none'; sandbox",
};

function assetDir(ctx: RequestContext, dataset: string): string {
  return path.join(ctx.lake.dataDir, dataset, "assets");
}

/** `POST /assets/images|files/<ds>`: stores the bytes, creates the asset document (idempotent per content). */
export async function handleUpload(
  ctx: RequestContext,
  kind: "images" | "files",
  datasetName: string,
): Promise<void> {
  requireToken(ctx);
  const dataset = await ctx.lake.datasets.get(datasetName);
  const bytes = await readBody(ctx.req, MAX_ASSET_BYTES);
  if (bytes.length === 0) throw badRequest("Empty upload");
  const sha1 = createHash("sha1").update(bytes).digest("hex");
  const filename = ctx.url.searchParams.get("filename") ?? undefined;
  const image = kind === "images" ? readImageInfo(bytes) : undefined;
  if (kind === "images" && !image)
    throw badRequest("Unsupported image format: expected PNG, JPEG, GIF or WebP");
  // The extension names the stored file and the asset's id, so it never comes raw from the
  // client: an image's is its sniffed format, a file's is kept only when it is a plain one.
  const fromName = filename ? path.extname(filename).slice(1).toLowerCase() : "";
  const extension = image?.extension ?? (SAFE_EXTENSION.test(fromName) ? fromName : "bin");
  const declared =
    String(ctx.req.headers["content-type"] ?? "")
      .split(";")[0]
      ?.trim() ?? "";
  const mimeType =
    image?.mimeType ??
    MIME_TYPES[extension] ??
    (MIME_TYPE.test(declared) ? declared.toLowerCase() : "application/octet-stream");
  const stem = image ? `${sha1}-${image.width}x${image.height}` : sha1;
  const fileName = `${stem}.${extension}`;
  const id = image ? `image-${stem}-${extension}` : `file-${sha1}-${extension}`;

  await ensurePrivateDir(assetDir(ctx, datasetName));
  const target = path.join(assetDir(ctx, datasetName), fileName);
  // Two uploads of the same bytes may run at once: each writes a temporary file of its own.
  const temp = `${target}.${randomUUID()}.tmp`;
  await writeFile(temp, bytes, { flush: true, mode: PRIVATE_FILE_MODE });
  await rename(temp, target);

  const existing = dataset.get(id);
  if (existing) {
    sendJson(ctx.req, ctx.res, 200, { document: existing });
    return;
  }
  const assetPath = `${kind}/${ctx.lake.projectId}/${datasetName}/${fileName}`;
  const doc: Doc = {
    _id: id,
    _type: image ? "sanity.imageAsset" : "sanity.fileAsset",
    assetId: sha1,
    extension,
    mimeType,
    originalFilename: filename,
    path: assetPath,
    sha1hash: sha1,
    size: bytes.length,
    uploadId: sha1.slice(0, 16),
    url: `${ctx.lake.baseUrl()}/${assetPath}`,
    ...(image && {
      metadata: {
        _type: "sanity.imageMetadata",
        dimensions: {
          _type: "sanity.imageDimensions",
          width: image.width,
          height: image.height,
          aspectRatio: image.width / image.height,
        },
        hasAlpha: extension === "png" || extension === "webp",
        isOpaque: !(extension === "png" || extension === "webp"),
      },
    }),
  };
  const ws = new WorkingSet(dataset, { identity: identityOf(ctx) });
  ws.put(id, doc, { create: doc });
  const tx = ws.toTransaction();
  await dataset
    .exclusive(async () => ({ durable: dataset.commit(tx) }))
    .then(({ durable }) => durable);
  sendJson(ctx.req, ctx.res, 200, { document: tx.changes[0]?.after });
}

/** `GET /images|files/<projectId>/<ds>/<file>`: the stored bytes (transform parameters are ignored). */
export async function handleAssetFile(
  ctx: RequestContext,
  datasetName: string,
  fileName: string,
): Promise<void> {
  if (!/^[a-f0-9]{40}(-\d+x\d+)?\.[a-z0-9]+$/.test(fileName)) throw notFound("Asset not found");
  await ctx.lake.datasets.get(datasetName);
  let bytes: Buffer;
  try {
    bytes = await readFile(path.join(assetDir(ctx, datasetName), fileName));
  } catch {
    throw notFound("Asset not found");
  }
  const extension = path.extname(fileName).slice(1);
  const type = MIME_TYPES[extension] ?? "application/octet-stream";
  sendBytes(ctx.req, ctx.res, 200, bytes, type, ASSET_HEADERS);
}
