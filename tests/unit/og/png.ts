import { mkdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { PNG } from "pngjs";

// PNG checks for the social cards: the signature and IHDR read by hand (what a crawler sees),
// and a tolerant pixel comparison against a golden image. UPDATE_GOLDENS=1 rewrites goldens.

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export const GOLDEN_DIR = fileURLToPath(new URL("./goldens/", import.meta.url));
const ACTUAL_DIR = fileURLToPath(new URL("../../../test-results/og/", import.meta.url));

export function isPng(bytes: Buffer): boolean {
  return bytes.subarray(0, 8).equals(SIGNATURE);
}

/** Width and height from the IHDR chunk, which must come first. */
export function pngSize(bytes: Buffer): { width: number; height: number } {
  if (bytes.toString("latin1", 12, 16) !== "IHDR") throw new Error("PNG: first chunk is not IHDR");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** A pixel differs when any channel differs by more than this (of 255): anti-aliasing noise passes. */
const CHANNEL_THRESHOLD = 40;

export type Diff = { differing: number; total: number; ratio: number };

export function diffPngs(actual: Buffer, expected: Buffer): Diff {
  const a = PNG.sync.read(actual);
  const b = PNG.sync.read(expected);
  if (a.width !== b.width || a.height !== b.height) {
    return { differing: a.width * a.height, total: a.width * a.height, ratio: 1 };
  }
  let differing = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    for (let c = 0; c < 4; c += 1) {
      if (Math.abs((a.data[i + c] ?? 0) - (b.data[i + c] ?? 0)) > CHANNEL_THRESHOLD) {
        differing += 1;
        break;
      }
    }
  }
  const total = a.width * a.height;
  return { differing, total, ratio: differing / total };
}

export type GoldenResult =
  | { kind: "written"; path: string }
  | { kind: "missing"; path: string }
  | { kind: "compared"; path: string; diff: Diff; actualPath: string | null };

export function compareWithGolden(name: string, actual: Buffer, maxRatio: number): GoldenResult {
  const path = join(GOLDEN_DIR, `${name}.png`);
  if (process.env.UPDATE_GOLDENS === "1") {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    return { kind: "written", path };
  }
  if (!existsSync(path)) return { kind: "missing", path };
  const diff = diffPngs(actual, readFileSync(path));
  let actualPath: string | null = null;
  if (diff.ratio > maxRatio) {
    // Kept for a look: test-results/ is git-ignored.
    mkdirSync(ACTUAL_DIR, { recursive: true });
    actualPath = join(ACTUAL_DIR, `${name}.actual.png`);
    writeFileSync(actualPath, actual);
  }
  return { kind: "compared", path, diff, actualPath };
}
