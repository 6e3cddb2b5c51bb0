import { ESLint } from "eslint";
import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The folder boundaries of README.md's "Where things live", as eslint.config.mjs states them,
// checked against probe sources: each import a folder may not make must be an error whether it
// is spelt with the `@/` alias or as a relative path, and the imports it may make must pass.

const eslint = new ESLint({
  cwd: process.cwd(),
  // Only the boundary rule: the probes are not files of the TypeScript project.
  overrideConfig: { languageOptions: { parserOptions: { projectService: false } } },
  ruleFilter: ({ ruleId }) => ruleId === "no-restricted-imports",
});

async function boundaryErrors(filePath: string, specifier: string, typeOnly = false) {
  const code = typeOnly
    ? `import type { X } from "${specifier}";\nexport type Y = X;\n`
    : `import { x } from "${specifier}";\nexport const y = x;\n`;
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message);
}

/** [the importing file, the import] */
type Probe = [string, string];

const REFUSED: Probe[] = [
  // Shared UI and hooks take lib/content and lib/routes only.
  ["components/probe.tsx", "@/lib/db/client"],
  ["components/probe.tsx", "../lib/db/client"],
  ["components/chart/probe.tsx", "../../lib/db/client"],
  ["components/chart/probe.tsx", "../../lib/sanity/fetch"],
  ["components/chart/probe.tsx", "../../lib/env"],
  ["hooks/probe.ts", "../lib/db/client"],
  ["hooks/probe.ts", "@/lib/watchlists/items"],
  ["components/probe.tsx", "../app/(site)/page"],
  // lib reads the Studio's project settings only.
  ["lib/probe.ts", "@/sanity/structure"],
  ["lib/probe.ts", "../sanity/structure"],
  ["lib/db/probe.ts", "../../sanity/structure"],
  ["lib/db/probe.ts", "../../sanity/schemaTypes/post.ts"],
  ["lib/email/templates/probe.tsx", "../../../sanity/structure"],
  ["lib/db/probe.ts", "../../components/chart/chart-figure"],
  // lib/routes and lib/content are pure: each other and generated types only.
  ["lib/routes.ts", "./sanity/client"],
  ["lib/routes.ts", "./site/absolute-url"],
  ["lib/routes.ts", "@/lib/env"],
  ["lib/routes.ts", "server-only"],
  ["lib/content/probe.ts", "../sanity/client"],
  ["lib/content/probe.ts", "../env"],
  ["lib/content/probe.ts", "@/lib/db/client"],
];

const ALLOWED: Probe[] = [
  ["components/probe.tsx", "@/lib/content/chart"],
  ["components/chart/probe.tsx", "../../lib/content/chart"],
  ["components/probe.tsx", "../lib/routes"],
  ["components/probe.tsx", "@/lib/routes"],
  ["hooks/probe.ts", "../lib/routes.ts"],
  ["lib/probe.ts", "../sanity/env"],
  ["lib/db/probe.ts", "../../sanity/env.ts"],
  ["lib/db/probe.ts", "../sanity/client"],
  ["lib/probe.ts", "./sanity/client"],
  ["lib/email/templates/probe.tsx", "../../sanity/client"],
  ["lib/routes.ts", "./content/symbols"],
  ["lib/content/probe.ts", "./symbols"],
  ["lib/content/probe.ts", "../routes"],
];

/** Type-only imports are erased: shared UI may name a type of another lib module. */
const ALLOWED_AS_TYPES: Probe[] = [
  ["components/probe.tsx", "../lib/db/client"],
  ["components/chart/probe.tsx", "@/lib/watchlists/items"],
  ["lib/content/probe.ts", "../sanity/types.ts"],
];

/** Every folder of lib/ outside lib/content, however deep: the rules go by depth there. */
const libFolders = readdirSync("lib", { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => path.join(entry.parentPath, entry.name))
  .filter((folder) => !folder.startsWith(path.join("lib", "content")));

describe("import boundaries (eslint.config.mjs)", () => {
  it.each(["lib", ...libFolders])(
    "%s/ may not reach the Studio by a relative path",
    async (folder) => {
      const up = "../".repeat(folder.split(path.sep).length);
      expect(await boundaryErrors(`${folder}/probe.ts`, `${up}sanity/structure`)).toContain(
        "no-restricted-imports",
      );
      expect(await boundaryErrors(`${folder}/probe.ts`, `${up}sanity/env`)).toEqual([]);
    },
  );

  it.each(REFUSED)("%s may not import %s", async (file, specifier) => {
    expect(await boundaryErrors(file, specifier)).toContain("no-restricted-imports");
  });

  it.each(ALLOWED)("%s may import %s", async (file, specifier) => {
    expect(await boundaryErrors(file, specifier)).toEqual([]);
  });

  it.each(ALLOWED_AS_TYPES)("%s may import types from %s", async (file, specifier) => {
    expect(await boundaryErrors(file, specifier, true)).toEqual([]);
    expect(await boundaryErrors(file, specifier)).toContain("no-restricted-imports");
  });
});
