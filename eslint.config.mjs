import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// The lake package (packages/lake) knows nothing of the app: nothing it imports leaves the
// package. Inside, its layers import only downward: bin → http → engine → groq | persist → model.
const LEAVES_THE_LAKE = {
  regex: "^(\\.\\./){2,}|^@/|^daily-insight(/|$)",
  message: "The lake package imports nothing of the app (see packages/lake/README.md).",
};
/** Each layer of packages/lake/src, with the layers it may not import (those above it, and beside). */
const LAKE_LAYERS = {
  model: ["groq", "persist", "engine", "http", "bin"],
  groq: ["persist", "engine", "http", "bin"],
  persist: ["groq", "engine", "http", "bin"],
  engine: ["http", "bin"],
  http: ["bin"],
  bin: [],
};
const lakeLayerRules = Object.entries(LAKE_LAYERS).map(([layer, above]) => ({
  files: [`packages/lake/src/${layer}/**`],
  rules: {
    "no-restricted-imports": [
      "error",
      {
        patterns: [
          LEAVES_THE_LAKE,
          ...(above.length > 0
            ? [
                {
                  regex: `^\\.\\./(${above.join("|")}|index\\.ts)`,
                  message: `The lake's ${layer} layer imports only from the layers below it: bin → http → engine → groq | persist → model.`,
                },
              ]
            : []),
        ],
      },
    ],
  },
}));

/** How deep lib/ nests (lib/email/templates/x.tsx is 2); lint covers a few levels more. */
const LIB_DEPTHS = [0, 1, 2, 3, 4, 5];

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    ".next/**",
    ".data/**",
    "node_modules/**",
    "next-env.d.ts",
    "sanity/dist/**",
    "test-results/**",
    "playwright-report/**",
    ".tmp/**",
    "lib/sanity/types.ts",
    "sanity.types.ts",
  ]),
  {
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": [
        "error",
        { checksVoidReturn: { attributes: false } },
      ],
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      // Type-only imports are erased, so the rule follows value imports only.
      "import/no-cycle": ["error", { ignoreExternal: true }],
    },
  },
  {
    files: ["packages/lake/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [LEAVES_THE_LAKE] }] },
  },
  // lib/content and lib/routes are the vocabulary the site, cards, feeds, client components
  // and the Studio share: pure, so nothing that reads the environment or does I/O.
  ...[
    // lib/content/*: its own modules (./x), lib/routes (../routes), generated types.
    { files: ["lib/content/**"], relative: ["../*", "!../routes*", "../*/**"] },
    // lib/routes.ts: lib/content (./content/x), and nothing else beside it in lib/.
    {
      files: ["lib/routes.ts"],
      relative: ["./*", "!./content", "./*/**", "!./content/**", "../*"],
    },
  ].map(({ files, relative }) => ({
    files,
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [{ name: "server-only", message: "lib/content and lib/routes are pure." }],
          patterns: [
            {
              group: [
                "@/*",
                "**/lib/*",
                "!**/lib/content",
                "!**/lib/routes*",
                "**/lib/*/**",
                "!**/lib/content/**",
                ...relative,
              ],
              allowTypeImports: true,
              message: "lib/content and lib/routes import only each other (and generated types).",
            },
          ],
        },
      ],
    },
  })),
  // The domain layer draws nothing of the site's UI: what lib and components share is
  // lib/content. Nothing imports a route (README.md, "Where things live").
  ...LIB_DEPTHS.map((depth) => ({
    files: [`lib/${"*/".repeat(depth)}*`],
    ignores: ["lib/content/**", "lib/routes.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/components/*", "**/components/*", "@/app/*", "**/app/*"],
              message: "lib imports lib/content, not components/ or app/.",
            },
            {
              // The Studio's project settings (sanity/env.ts) are the one thing both share.
              group: ["@/sanity/*", "!@/sanity/env"],
              message: "lib reads the Studio's project settings only (sanity/env.ts).",
            },
            {
              // The same, spelt as a relative path: as many `../` as leave lib/ reach the
              // Studio's sanity/, fewer reach lib/sanity/, which is lib's own.
              regex: `^(\\.\\./){${depth + 1}}sanity(/(?!env(\\.ts)?$)|$)`,
              message: "lib reads the Studio's project settings only (sanity/env.ts).",
            },
          ],
        },
      ],
    },
  })),
  {
    // The Studio shares UI from components/ and vocabulary from lib/content and lib/routes;
    // nothing of the site's routes or server.
    files: ["sanity/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [
                "@/*",
                "**/app/*",
                "**/lib/*",
                "!**/lib/content",
                "!**/lib/routes*",
                "**/lib/*/**",
                "!**/lib/content/**",
              ],
              message: "The Studio imports components/, lib/content and lib/routes only.",
            },
          ],
        },
      ],
    },
  },
  // Imports flow down (README.md, "Where things live"): app → components | hooks | lib;
  // components → hooks | lib/content | lib/routes; lib → drizzle; nothing imports app/.
  ...["(site)", "(account)", "(studio)"].map((group) => ({
    // Route groups never import each other: what two share goes to components/ or lib/.
    files: [`app/${group}/**`],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/app/*", "**/(site)/*", "**/(account)/*", "**/(studio)/*"].filter(
                (pattern) => !pattern.includes(group),
              ),
              message: "A route group imports no other route: share through components/ or lib/.",
            },
            {
              group: ["**/page", "**/page.tsx", "**/layout", "**/layout.tsx"],
              message:
                "A page or layout is imported by Next only: share what it exports through lib/.",
            },
          ],
        },
      ],
    },
  })),
  {
    // Shared UI fetches nothing and reads no secrets: it takes the shared vocabulary (types of
    // other lib modules too, which are erased). A server action sits beside the component it
    // serves (components/watchlist/actions.ts) and may use the domain layer.
    files: ["components/**", "hooks/**"],
    ignores: ["components/**/actions.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/app/*", "**/app/*"],
              message: "Nothing imports a route.",
            },
            {
              // Through the alias or a relative path alike.
              group: [
                "**/lib/*",
                "!**/lib/content",
                "!**/lib/routes*",
                "**/lib/*/**",
                "!**/lib/content/**",
              ],
              allowTypeImports: true,
              message: "Shared UI and hooks take lib/content and lib/routes only (and types).",
            },
          ],
        },
      ],
    },
  },
  {
    // The schema and the migrations stand alone: drizzle-kit reads them without the app.
    files: ["drizzle/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/*", "../*"],
              message: "drizzle/ holds the schema and migrations only; lib/db uses them.",
            },
          ],
        },
      ],
    },
  },
  ...lakeLayerRules,
  {
    // Plain Node processes (the lake, launchers, the seed, test runners) log to their terminal by design.
    files: ["packages/lake/**", "scripts/**", "tests/**"],
    rules: { "no-console": "off" },
  },
]);
