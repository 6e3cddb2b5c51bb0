import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// What lint enforces (eslint.config.mjs: no-restricted-imports per layer, import/no-cycle),
// checked here for type-only imports too, which import/no-cycle does not follow: a cycle made
// of `import type` edges (store → integrity → references → mutations → working-set → store,
// once) still ties the modules together for every reader of the code.

const SRC = path.resolve(import.meta.dirname, "../src");
/** Lowest first: a layer may import its own and those before it, never one beside it. */
const ORDER = ["model", "groq", "persist", "engine", "http", "bin"] as const;
const BESIDE: Record<string, string> = { groq: "persist", persist: "groq" };

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(path.join(dir, entry.name))
      : entry.name.endsWith(".ts")
        ? [path.join(dir, entry.name)]
        : [],
  );
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+"([^"]+)"|new URL\("([^"]+)"/g;

function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(IMPORT)]
    .map((match) => match[1] ?? match[2] ?? "")
    .filter((specifier) => specifier.startsWith("."))
    .map((specifier) => path.resolve(path.dirname(file), specifier));
}

const files = sourceFiles(SRC);
const graph = new Map(files.map((file) => [file, importsOf(file)]));
const layerOf = (file: string) => path.relative(SRC, file).split(path.sep)[0] ?? "";

describe("the lake's layers", () => {
  it("keeps every module in a layer folder (index.ts aside)", () => {
    for (const file of files) {
      if (file === path.join(SRC, "index.ts")) continue;
      expect(ORDER as readonly string[], path.relative(SRC, file)).toContain(layerOf(file));
    }
  });

  it("imports only within the package, and only downward (type imports included)", () => {
    const problems: string[] = [];
    for (const [file, imports] of graph) {
      const from = layerOf(file);
      for (const target of imports) {
        const name = `${path.relative(SRC, file)} → ${path.relative(SRC, target)}`;
        if (!target.startsWith(SRC + path.sep)) {
          problems.push(`${name}: leaves the package`);
          continue;
        }
        if (file === path.join(SRC, "index.ts")) continue;
        const to = layerOf(target);
        const below =
          ORDER.indexOf(to as (typeof ORDER)[number]) <=
          ORDER.indexOf(from as (typeof ORDER)[number]);
        if (!below || BESIDE[from] === to || to === "index.ts") problems.push(`${name}: upward`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("has no import cycle (type imports included)", () => {
    const cycles: string[] = [];
    const state = new Map<string, "open" | "done">();
    const stack: string[] = [];
    const visit = (file: string) => {
      if (state.get(file) === "done") return;
      if (state.get(file) === "open") {
        const from = stack.indexOf(file);
        cycles.push([...stack.slice(from), file].map((f) => path.relative(SRC, f)).join(" → "));
        return;
      }
      state.set(file, "open");
      stack.push(file);
      for (const target of graph.get(file) ?? []) if (graph.has(target)) visit(target);
      stack.pop();
      state.set(file, "done");
    };
    for (const file of files) visit(file);
    expect(cycles).toEqual([]);
  });
});
