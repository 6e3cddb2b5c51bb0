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
  {
    // lib/content and lib/routes are the vocabulary the site, cards, feeds, client components
    // and the Studio share: pure, so nothing that reads the environment or does I/O.
    files: ["lib/content/**", "lib/routes.ts"],
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
                "../*",
                "!../routes*",
                "../*/**",
              ],
              allowTypeImports: true,
              message: "lib/content and lib/routes import only each other (and generated types).",
            },
          ],
        },
      ],
    },
  },
  {
    // The domain layer draws nothing of the site's UI: what lib and components share is
    // lib/content. Nothing imports a route (DESIGN.md, "Shape").
    files: ["lib/**"],
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
          ],
        },
      ],
    },
  },
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
  ...lakeLayerRules,
  {
    // Plain Node processes (the lake, launchers, the seed, test runners) log to their terminal by design.
    files: ["packages/lake/**", "scripts/**", "tests/**"],
    rules: { "no-console": "off" },
  },
]);
