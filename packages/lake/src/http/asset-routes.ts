import { MAX_ASSET_BYTES, readAssetFile, storeAsset } from "../engine/assets.ts";
import { identityOf, requireToken } from "./context.ts";
import type { RequestContext } from "./context.ts";
import { readBody, sendBytes, sendJson } from "./http.ts";

// Asset bytes are whatever an editor uploaded (an SVG can carry script): browsers must take the
// declared type as final and must not run anything in a file opened on its own.
const ASSET_HEADERS = {
  "cache-control": "public, max-age=31536000, immutable",
  "x-content-type-options": "nosniff",
  "content-security-policy": "default-src 'none'; sandbox",
};

/** `POST /assets/images|files/<ds>`: stores the bytes, creates the asset document (idempotent per content). */
export async function handleUpload(
  ctx: RequestContext,
  kind: "images" | "files",
  datasetName: string,
): Promise<void> {
  requireToken(ctx);
  await ctx.lake.datasets.get(datasetName);
  const bytes = await readBody(ctx.req, MAX_ASSET_BYTES);
  const document = await storeAsset(ctx.lake, {
    kind,
    dataset: datasetName,
    bytes,
    filename: ctx.url.searchParams.get("filename") ?? undefined,
    declaredType:
      String(ctx.req.headers["content-type"] ?? "")
        .split(";")[0]
        ?.trim() ?? "",
    identity: identityOf(ctx),
  });
  sendJson(ctx.req, ctx.res, 200, { document });
}

/** `GET /images|files/<projectId>/<ds>/<file>`: the stored bytes (transform parameters are ignored). */
export async function handleAssetFile(
  ctx: RequestContext,
  datasetName: string,
  fileName: string,
): Promise<void> {
  const { bytes, type } = await readAssetFile(ctx.lake, datasetName, fileName);
  sendBytes(ctx.req, ctx.res, 200, bytes, type, ASSET_HEADERS);
}
