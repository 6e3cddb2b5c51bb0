// Lets a plain Node process (the benchmarks) import the app's own server modules as Next.js
// compiles them: `@/…` from the project root, extensionless relative imports of .ts files, and
// `server-only` as the react-server condition resolves it (an empty module).
import { statSync } from "node:fs";
import { registerHooks } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = process.cwd();
const isFile = (file: string) => statSync(file, { throwIfNoEntry: false })?.isFile() ?? false;

function projectFile(base: string): string | undefined {
  const candidates = [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")];
  return candidates.find(isFile);
}

registerHooks({
  resolve(specifier, context, nextResolve) {
    if (specifier === "server-only") {
      return nextResolve(specifier, { ...context, conditions: ["react-server", "node", "import"] });
    }
    const parent = context.parentURL?.startsWith("file:") ? fileURLToPath(context.parentURL) : "";
    const fromProject =
      parent.startsWith(root) && !parent.includes(`${path.sep}node_modules${path.sep}`);
    if (fromProject && (specifier.startsWith("@/") || specifier.startsWith("."))) {
      const base = specifier.startsWith("@/")
        ? path.join(root, specifier.slice(2))
        : path.resolve(path.dirname(parent), specifier);
      const file = projectFile(base);
      if (file) return { url: pathToFileURL(file).href, shortCircuit: true };
    }
    return nextResolve(specifier, context);
  },
});
