import { existsSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join, resolve } from "node:path";
import { InvalidArgumentError } from "./errors.js";

/** The upstream archives aurorakit reads from, by the name used in config and CLI flags. */
export type UpstreamName = "berkeley" | "ucalgary";

/** Where the archives live unless configured otherwise (public URLs, asilib.md §3). */
export const DEFAULT_UPSTREAM_URLS: Readonly<Record<UpstreamName, string>> = {
  // THEMIS/REGO hourly L1 CDF tree: <base>/thg/l1/{asi,reg}/<site>/<YYYY>/<MM>/
  berkeley: "https://themis.ssl.berkeley.edu/data/themis",
  // UCalgary stream0 minute files and skymaps: <base>/<project>/.../stream0/...
  ucalgary: "https://data.phys.ucalgary.ca/sort_by_project",
};

const URL_ENV: Readonly<Record<UpstreamName, string>> = {
  berkeley: "AURORAKIT_URL_BERKELEY",
  ucalgary: "AURORAKIT_URL_UCALGARY",
};

export interface AurorakitConfig {
  /** Root of the download cache; files below it mirror the upstream paths. */
  readonly dataDir: string;
  /** Base URL per upstream, without a trailing slash. */
  readonly urls: Readonly<Record<UpstreamName, string>>;
  /** Never touch the network: use cached files and listings only. */
  readonly offline: boolean;
}

/** Settings given explicitly (CLI flags, API options); they win over everything else. */
export interface ConfigOverrides {
  readonly dataDir?: string | undefined;
  readonly urls?: Partial<Record<UpstreamName, string>> | undefined;
  readonly offline?: boolean | undefined;
}

export interface ResolveConfigOptions {
  /** Environment to read; default `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** A JSON config file; default `AURORAKIT_CONFIG`, else `<user config dir>/aurorakit/config.json` if present. */
  readonly configFile?: string | undefined;
  readonly overrides?: ConfigOverrides;
  /** The platform (for the default cache directory); default `process.platform`. */
  readonly platform?: NodeJS.Platform;
}

interface ConfigFileContents {
  dataDir?: string;
  urls?: Partial<Record<UpstreamName, string>>;
  offline?: boolean;
}

/**
 * Resolves the configuration. Precedence, highest first: explicit overrides (CLI flags),
 * environment (`AURORAKIT_DATA_DIR`, `AURORAKIT_URL_BERKELEY`, `AURORAKIT_URL_UCALGARY`,
 * `AURORAKIT_OFFLINE=1`), the config file, built-in defaults.
 */
export function resolveConfig(options: ResolveConfigOptions = {}): AurorakitConfig {
  const env = options.env ?? process.env;
  const platform = options.platform ?? process.platform;
  const file = readConfigFile(
    options.configFile ?? env.AURORAKIT_CONFIG ?? defaultConfigPath(env, platform),
  );
  const overrides = options.overrides ?? {};
  const urls = {} as Record<UpstreamName, string>;
  for (const name of Object.keys(DEFAULT_UPSTREAM_URLS) as UpstreamName[]) {
    const url =
      overrides.urls?.[name] ??
      env[URL_ENV[name]] ??
      file.urls?.[name] ??
      DEFAULT_UPSTREAM_URLS[name];
    urls[name] = checkBaseUrl(url, name);
  }
  const dataDir =
    overrides.dataDir ?? env.AURORAKIT_DATA_DIR ?? file.dataDir ?? defaultDataDir(env, platform);
  const offline = overrides.offline ?? envFlag(env.AURORAKIT_OFFLINE) ?? file.offline ?? false;
  return { dataDir: resolve(dataDir), urls, offline };
}

function checkBaseUrl(url: string, name: UpstreamName): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch (cause) {
    throw new InvalidArgumentError(
      `${name} URL`,
      `"${url}" is not a URL; set ${URL_ENV[name]} to e.g. ${DEFAULT_UPSTREAM_URLS[name]}`,
      { cause },
    );
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    throw new InvalidArgumentError(`${name} URL`, `"${url}" must be http or https`);
  }
  return url.replace(/\/+$/, "");
}

function envFlag(value: string | undefined): boolean | undefined {
  if (value === undefined || value === "") return undefined;
  return !["0", "false", "no", "off"].includes(value.toLowerCase());
}

/** The platform's per-user cache directory (XDG on Linux, Library/Caches on macOS, LOCALAPPDATA on Windows). */
function defaultDataDir(
  env: Readonly<Record<string, string | undefined>>,
  platform: NodeJS.Platform,
): string {
  const home = env.HOME ?? homedir();
  if (platform === "win32")
    return join(env.LOCALAPPDATA ?? join(home, "AppData", "Local"), "aurorakit", "Cache");
  if (platform === "darwin") return join(home, "Library", "Caches", "aurorakit");
  return join(env.XDG_CACHE_HOME ?? join(home, ".cache"), "aurorakit");
}

function defaultConfigPath(
  env: Readonly<Record<string, string | undefined>>,
  platform: NodeJS.Platform,
): string {
  const home = env.HOME ?? homedir();
  if (platform === "win32")
    return join(env.APPDATA ?? join(home, "AppData", "Roaming"), "aurorakit", "config.json");
  if (platform === "darwin")
    return join(home, "Library", "Preferences", "aurorakit", "config.json");
  return join(env.XDG_CONFIG_HOME ?? join(home, ".config"), "aurorakit", "config.json");
}

function readConfigFile(path: string): ConfigFileContents {
  if (!existsSync(path)) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, "utf8"));
  } catch (cause) {
    throw new InvalidArgumentError("config file", `${path} is not valid JSON; fix or remove it`, {
      cause,
    });
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new InvalidArgumentError(
      "config file",
      `${path} must hold a JSON object like {"dataDir": "…", "urls": {"ucalgary": "…"}}`,
    );
  }
  const value = parsed as Record<string, unknown>;
  const result: ConfigFileContents = {};
  if (value.dataDir !== undefined) {
    if (typeof value.dataDir !== "string") throw badField(path, "dataDir", "a string");
    result.dataDir = value.dataDir;
  }
  if (value.offline !== undefined) {
    if (typeof value.offline !== "boolean") throw badField(path, "offline", "true or false");
    result.offline = value.offline;
  }
  if (value.urls !== undefined) {
    if (typeof value.urls !== "object" || value.urls === null)
      throw badField(path, "urls", "an object");
    const urls: Partial<Record<UpstreamName, string>> = {};
    for (const [key, url] of Object.entries(value.urls)) {
      if (!(key in DEFAULT_UPSTREAM_URLS))
        throw badField(
          path,
          `urls.${key}`,
          `one of ${Object.keys(DEFAULT_UPSTREAM_URLS).join(", ")}`,
        );
      if (typeof url !== "string") throw badField(path, `urls.${key}`, "a string");
      urls[key as UpstreamName] = url;
    }
    result.urls = urls;
  }
  return result;
}

function badField(path: string, field: string, expected: string): InvalidArgumentError {
  return new InvalidArgumentError("config file", `${path}: "${field}" must be ${expected}`);
}
