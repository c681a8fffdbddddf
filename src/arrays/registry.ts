import { InvalidArgumentError, NotFoundError } from "../core/errors.js";
import type { ArrayPlugin } from "./array-plugin.js";
import { regoArray } from "./rego.js";
import type { SiteInfo } from "./site.js";
import { syntheticArray } from "./synthetic/synthetic-array.js";
import { themisArray } from "./themis.js";
import { trexBlueArray } from "./trex-blue.js";
import { trexNirArray } from "./trex-nir.js";

/** The imager arrays aurorakit can read, by id. Each registry is independent (no global state). */
export class ArrayRegistry {
  private readonly plugins = new Map<string, ArrayPlugin>();

  /** Adds an array; an id already taken is an error unless `replace` is set. */
  register(plugin: ArrayPlugin, options: { readonly replace?: boolean } = {}): this {
    if (!/^[a-z0-9][a-z0-9-]*$/.test(plugin.id)) {
      throw new InvalidArgumentError(
        "array id",
        `"${plugin.id}" must be lower-case letters, digits and dashes`,
      );
    }
    if (this.plugins.has(plugin.id) && options.replace !== true) {
      throw new InvalidArgumentError(
        "array id",
        `"${plugin.id}" is already registered; pass { replace: true } to override it`,
      );
    }
    this.plugins.set(plugin.id, plugin);
    return this;
  }

  /** The array called `id` (case-insensitive); NotFoundError lists the known ids. */
  get(id: string): ArrayPlugin {
    const plugin = this.plugins.get(id.toLowerCase());
    if (plugin === undefined) {
      throw new NotFoundError(
        `imager array "${id}"`,
        `known arrays: ${[...this.plugins.keys()].join(", ")}`,
      );
    }
    return plugin;
  }

  list(): ArrayPlugin[] {
    return [...this.plugins.values()];
  }
}

/** A site of an array by code (case-insensitive); NotFoundError lists the array's sites. */
export function findSite(array: ArrayPlugin, siteCode: string): SiteInfo {
  const code = siteCode.toLowerCase();
  const site = array.sites.find((s) => s.code === code);
  if (site === undefined) {
    throw new NotFoundError(
      `site "${siteCode}" of ${array.label}`,
      `known sites: ${array.sites.map((s) => s.code).join(", ")} (see \`aurorakit sites ${array.id}\`)`,
    );
  }
  return site;
}

/** A registry holding the built-in arrays, and the synthetic imager (seed 0). */
export function defaultArrayRegistry(): ArrayRegistry {
  return new ArrayRegistry()
    .register(themisArray())
    .register(regoArray())
    .register(trexNirArray())
    .register(trexBlueArray())
    .register(syntheticArray());
}
