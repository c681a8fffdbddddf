import { existsSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { NotFoundError } from "./errors.js";

/**
 * The compiled JavaScript file of a worker entry point that sits beside the calling module.
 * Worker threads run plain JavaScript: from the built package (`dist/…/x.js`) the sibling file
 * is used as is; from the TypeScript sources (tests, `vite-node`) the same path under `dist/`
 * is used, which `npm run build` (run before `npm test` and `npm run bench`) produces.
 */
export function workerScriptUrl(callerUrl: string, scriptName: string): URL {
  const sibling = new URL(scriptName, callerUrl);
  const callerPath = fileURLToPath(callerUrl);
  if (!callerPath.endsWith(".ts")) return sibling;
  const siblingPath = fileURLToPath(sibling);
  const marker = `${"/"}src${"/"}`;
  const at = siblingPath.lastIndexOf(marker);
  const built =
    at < 0
      ? siblingPath
      : `${siblingPath.slice(0, at)}/dist/${siblingPath.slice(at + marker.length)}`;
  if (!existsSync(built)) {
    throw new NotFoundError(
      `the compiled worker script ${built}`,
      "run `npm run build` first (worker threads run the compiled JavaScript)",
    );
  }
  return pathToFileURL(built);
}
