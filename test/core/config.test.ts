import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DEFAULT_UPSTREAM_URLS, resolveConfig } from "../../src/core/config.js";

const dir = mkdtempSync(join(tmpdir(), "aurorakit-config-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function configFile(name: string, contents: string): string {
  const path = join(dir, name);
  writeFileSync(path, contents);
  return path;
}

describe("resolveConfig", () => {
  const noFile = join(dir, "absent.json");

  it("defaults to the public archives and the platform's user cache directory", () => {
    const env = { HOME: "/home/ada", AURORAKIT_CONFIG: noFile };
    expect(resolveConfig({ env, platform: "linux" })).toEqual({
      dataDir: "/home/ada/.cache/aurorakit",
      urls: DEFAULT_UPSTREAM_URLS,
      offline: false,
    });
    expect(
      resolveConfig({ env: { ...env, XDG_CACHE_HOME: "/var/cache/ada" }, platform: "linux" })
        .dataDir,
    ).toBe("/var/cache/ada/aurorakit");
    expect(resolveConfig({ env, platform: "darwin" }).dataDir).toBe(
      "/home/ada/Library/Caches/aurorakit",
    );
  });

  it("ranks flags over environment over config file over defaults", () => {
    const file = configFile(
      "ranks.json",
      JSON.stringify({
        dataDir: "/from/file",
        urls: { berkeley: "http://file.example/themis", ucalgary: "http://file.example/uc" },
        offline: true,
      }),
    );
    const env = {
      AURORAKIT_CONFIG: file,
      AURORAKIT_URL_UCALGARY: "http://env.example/uc/",
      AURORAKIT_OFFLINE: "0",
    };
    const config = resolveConfig({ env, overrides: { dataDir: "/from/flag" } });
    expect(config).toEqual({
      dataDir: "/from/flag",
      // A trailing slash is dropped so paths join cleanly.
      urls: { berkeley: "http://file.example/themis", ucalgary: "http://env.example/uc" },
      offline: false,
    });
    expect(resolveConfig({ env: { AURORAKIT_CONFIG: file } }).offline).toBe(true);
  });

  it("rejects a bad URL, a non-JSON file and unknown keys with what to write instead", () => {
    expect(() =>
      resolveConfig({
        env: { AURORAKIT_CONFIG: noFile, AURORAKIT_URL_BERKELEY: "themis.ssl.berkeley.edu" },
      }),
    ).toThrow(
      /invalid berkeley URL: "themis.ssl.berkeley.edu" is not a URL; set AURORAKIT_URL_BERKELEY to e.g. https:/,
    );
    expect(() =>
      resolveConfig({
        env: { AURORAKIT_CONFIG: noFile, AURORAKIT_URL_UCALGARY: "ftp://x.example/" },
      }),
    ).toThrow(/must be http or https/);
    expect(() =>
      resolveConfig({ env: { AURORAKIT_CONFIG: configFile("bad.json", "{ dataDir: ") } }),
    ).toThrow(/is not valid JSON; fix or remove it/);
    expect(() =>
      resolveConfig({
        env: { AURORAKIT_CONFIG: configFile("keys.json", '{"urls": {"mango": "http://x"}}') },
      }),
    ).toThrow(/"urls.mango" must be one of berkeley, ucalgary/);
    expect(() =>
      resolveConfig({ env: { AURORAKIT_CONFIG: configFile("type.json", '{"offline": "yes"}') } }),
    ).toThrow(/"offline" must be true or false/);
  });
});
