import { readFileSync } from "node:fs";
import { join } from "node:path";
import { OG_FONT_FAMILIES } from "./theme";

// Inter from @fontsource/inter, as static .woff files: Satori (inside next/og) reads TTF, OTF
// and WOFF but not WOFF2, and needs a real bold file (it cannot synthesize weights). The
// latin, latin-ext and vietnamese subsets together cover every Latin-script language plus
// the symbols titles use (– × % $ € ’). Satori keeps one font per family, weight and style, so
// each subset is its own family and the cards list all three (theme.ts OG_FONT_FAMILY): per
// glyph, Satori takes the first family in that list that has it.
//
// Paths are `join(process.cwd(), "<literal>")`, the form Next's docs use and Turbopack traces
// file by file. (`require.resolve` through createRequire makes Turbopack bundle the .woff as
// a module and fail the build; `new URL(…, import.meta.url)` comes back as a URL class that
// `fs` rejects.) Read synchronously at module scope, once per process: an asynchronous read
// inside a prerender counts as request-time I/O under Cache Components, and would make the
// first card route that read them dynamic. The same array goes to every ImageResponse, so
// Satori (which caches parsed fonts per `fonts` array) parses them once too.

type OgFont = { name: string; weight: 400 | 700; style: "normal"; data: Buffer };
const font = (name: string, weight: 400 | 700, data: Buffer): OgFont => ({
  name,
  weight,
  style: "normal",
  data,
});
const { latin, latinExt, vietnamese } = OG_FONT_FAMILIES;
const cwd = process.cwd();

// Each path is spelled out whole so the bundler's file tracing can follow it.
export const ogFonts: OgFont[] = [
  font(
    latin,
    400,
    readFileSync(join(cwd, "node_modules/@fontsource/inter/files/inter-latin-400-normal.woff")),
  ),
  font(
    latin,
    700,
    readFileSync(join(cwd, "node_modules/@fontsource/inter/files/inter-latin-700-normal.woff")),
  ),
  font(
    latinExt,
    400,
    readFileSync(join(cwd, "node_modules/@fontsource/inter/files/inter-latin-ext-400-normal.woff")),
  ),
  font(
    latinExt,
    700,
    readFileSync(join(cwd, "node_modules/@fontsource/inter/files/inter-latin-ext-700-normal.woff")),
  ),
  font(
    vietnamese,
    400,
    readFileSync(
      join(cwd, "node_modules/@fontsource/inter/files/inter-vietnamese-400-normal.woff"),
    ),
  ),
  font(
    vietnamese,
    700,
    readFileSync(
      join(cwd, "node_modules/@fontsource/inter/files/inter-vietnamese-700-normal.woff"),
    ),
  ),
];
