import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

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
    },
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
    ignores: ["sanity/lake/**", "sanity/seed/**"],
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
  {
    // Plain Node processes (lake, seed, runners) log to their terminal by design.
    files: ["sanity/lake/**", "sanity/seed/**", "tests/**"],
    rules: { "no-console": "off" },
  },
]);
