import { createHash, randomUUID } from "node:crypto";
import { readFile, writeFile, rename } from "node:fs/promises";
import path from "node:path";
import { badRequest, notFound } from "../model/errors.ts";
import { readImageInfo } from "../model/image-size.ts";
import type { Doc } from "../model/types.ts";
import { ensurePrivateDir, PRIVATE_FILE_MODE } from "../persist/persistence.ts";
import type { DatasetRegistry } from "./datasets.ts";
import { transact, writableDataset } from "./transact.ts";

export const MAX_ASSET_BYTES = 200 * 1024 * 1024;

export const MIME_TYPES: Record<string, string> = {
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

export interface Upload {
  kind: "images" | "files";
  dataset: string;
  bytes: Buffer;
  filename: string | undefined;
  /** The request's Content-Type, kept only when it is a plain MIME type. */
  declaredType: string;
  /** The uploader's user id, as the asset document's transaction records it. */
  identity: string;
}

export interface AssetStore {
  dataDir: string;
  projectId: string;
  datasets: DatasetRegistry;
  /** Plain-HTTP base URL, for the asset's `url`. */
  baseUrl(): string;
}

function assetDir(store: AssetStore, dataset: string): string {
  return path.join(store.dataDir, dataset, "assets");
}

/**
 * Stores the bytes and creates the asset document (idempotent per content). The document is
 * written through `transact()`, like every mutation: under the dataset's lock, refused while the
 * log has failed, checked and made durable before it is answered.
 */
export async function storeAsset(store: AssetStore, upload: Upload): Promise<Doc> {
  const { kind, bytes, filename } = upload;
  const dataset = await writableDataset(store.datasets, upload.dataset);
  if (bytes.length === 0) throw badRequest("Empty upload");
  const sha1 = createHash("sha1").update(bytes).digest("hex");
  const image = kind === "images" ? readImageInfo(bytes) : undefined;
  if (kind === "images" && !image)
    throw badRequest("Unsupported image format: expected PNG, JPEG, GIF or WebP");
  // The extension names the stored file and the asset's id, so it never comes raw from the
  // client: an image's is its sniffed format, a file's is kept only when it is a plain one.
  const fromName = filename ? path.extname(filename).slice(1).toLowerCase() : "";
  const extension = image?.extension ?? (SAFE_EXTENSION.test(fromName) ? fromName : "bin");
  const mimeType =
    image?.mimeType ??
    MIME_TYPES[extension] ??
    (MIME_TYPE.test(upload.declaredType)
      ? upload.declaredType.toLowerCase()
      : "application/octet-stream");
  const stem = image ? `${sha1}-${image.width}x${image.height}` : sha1;
  const fileName = `${stem}.${extension}`;
  const id = image ? `image-${stem}-${extension}` : `file-${sha1}-${extension}`;

  await ensurePrivateDir(assetDir(store, upload.dataset));
  const target = path.join(assetDir(store, upload.dataset), fileName);
  // Two uploads of the same bytes may run at once: each writes a temporary file of its own.
  const temp = `${target}.${randomUUID()}.tmp`;
  await writeFile(temp, bytes, { flush: true, mode: PRIVATE_FILE_MODE });
  await rename(temp, target);

  const assetPath = `${kind}/${store.projectId}/${upload.dataset}/${fileName}`;
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
    url: `${store.baseUrl()}/${assetPath}`,
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
  const { tx, results: existing } = await transact(
    dataset,
    upload.identity,
    undefined,
    false,
    "mutationError",
    async (ws) => {
      const current = ws.get(id);
      if (current) return current;
      ws.put(id, doc, { create: doc });
      return null;
    },
  );
  return existing ?? (tx.changes[0]?.after as Doc);
}

/** The stored bytes of an asset file and their type; 404 for a name the lake never writes. */
export async function readAssetFile(
  store: AssetStore,
  datasetName: string,
  fileName: string,
): Promise<{ bytes: Buffer; type: string }> {
  if (!/^[a-f0-9]{40}(-\d+x\d+)?\.[a-z0-9]+$/.test(fileName)) throw notFound("Asset not found");
  await store.datasets.get(datasetName);
  let bytes: Buffer;
  try {
    bytes = await readFile(path.join(assetDir(store, datasetName), fileName));
  } catch {
    throw notFound("Asset not found");
  }
  const extension = path.extname(fileName).slice(1);
  return { bytes, type: MIME_TYPES[extension] ?? "application/octet-stream" };
}
