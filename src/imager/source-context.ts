import type { SourceContext } from "../arrays/array-plugin.js";
import { type AurorakitConfig, type ConfigOverrides, resolveConfig } from "../core/config.js";
import { type ProgressReporter, silentReporter } from "../core/progress.js";
import { DataCache } from "../sources/data-cache.js";

/** How an Imager (or a CLI command) reaches data: all injectable, all optional. */
export interface AccessOptions {
  /** A resolved configuration; otherwise resolved from the environment plus `overrides`. */
  readonly config?: AurorakitConfig;
  readonly overrides?: ConfigOverrides;
  /** An existing cache (shares its listings, locks and download limit); built from config otherwise. */
  readonly cache?: DataCache;
  readonly fetch?: typeof fetch;
  readonly reporter?: ProgressReporter;
}

export function createSourceContext(options: AccessOptions = {}): SourceContext {
  const reporter = options.reporter ?? silentReporter;
  const config = options.config ?? resolveConfig({ overrides: options.overrides ?? {} });
  const cache =
    options.cache ??
    new DataCache({
      dataDir: config.dataDir,
      offline: config.offline,
      reporter,
      ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
    });
  return {
    cache,
    reporter,
    upstreams: {
      berkeley: { name: "berkeley", baseUrl: config.urls.berkeley },
      ucalgary: { name: "ucalgary", baseUrl: config.urls.ucalgary },
    },
  };
}
