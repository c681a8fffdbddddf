import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseDirectoryListing } from "../../src/sources/directory-listing.js";
import { startUpstreamServer, type UpstreamServer } from "../support/upstream-server.js";
import { makeTempDir, removeDir, sha256Hex } from "./cache-harness.js";
import { type GeneratedTree, writeGeneratedTree } from "./served-tree.js";

let tree: GeneratedTree;
let server: UpstreamServer;
let mountedFile: string;

beforeAll(async () => {
  tree = await writeGeneratedTree(await makeTempDir());
  mountedFile = `${tree.root}/files/plain.bin`;
  server = await startUpstreamServer({
    root: tree.root,
    mounts: { "/deep/x+y/mounted.bin": mountedFile },
  });
});

afterAll(async () => {
  await server.close();
  await removeDir(tree.root);
});

describe("startUpstreamServer", () => {
  it("serves files with Content-Length and answers HEAD without a body", async () => {
    const get = await fetch(`${server.baseUrl}/files/plain.bin`);
    expect(get.headers.get("content-length")).toBe(String(tree.plain.length));
    expect(sha256Hex(new Uint8Array(await get.arrayBuffer()))).toBe(sha256Hex(tree.plain));
    const head = await fetch(`${server.baseUrl}/files/plain.bin`, { method: "HEAD" });
    expect(head.headers.get("content-length")).toBe(String(tree.plain.length));
    expect((await head.arrayBuffer()).byteLength).toBe(0);
  });

  it("decodes percent-encoded paths and serves mounts below virtual folders", async () => {
    const response = await fetch(`${server.baseUrl}/deep/x%2By/mounted.bin`);
    expect(response.status).toBe(200);
    expect(server.requests.at(-1)).toMatchObject({
      method: "GET",
      path: "/deep/x+y/mounted.bin",
      status: 200,
    });
  });

  it("writes Apache-style index pages with %2B-encoded hrefs for real and virtual folders", async () => {
    const page = await (await fetch(`${server.baseUrl}/deep/`)).text();
    expect(page).toContain("<title>Index of /deep/</title>");
    expect(page).toContain('href="x%2By/"');
    expect(page).toContain('href="?C=N;O=D"');
    expect(parseDirectoryListing(page, `${server.baseUrl}/deep/`)).toEqual([
      { name: "x+y", isDirectory: true },
    ]);
    const root = await (await fetch(`${server.baseUrl}/`)).text();
    expect(parseDirectoryListing(root, `${server.baseUrl}/`)).toEqual([
      { name: "deep", isDirectory: true },
      { name: "files", isDirectory: true },
    ]);
  });

  it("answers unknown paths and traversal attempts with 404", async () => {
    expect((await fetch(`${server.baseUrl}/files/none.bin`)).status).toBe(404);
    expect((await fetch(`${server.baseUrl}/files/%2E%2E/%2E%2E/etc/passwd`)).status).toBe(404);
  });

  it("applies a fault only to the first `times` matching requests", async () => {
    server.setFaults([{ match: /plain\.bin$/, kind: "status", status: 503, times: 1 }]);
    expect((await fetch(`${server.baseUrl}/files/plain.bin`)).status).toBe(503);
    const again = await fetch(`${server.baseUrl}/files/plain.bin`);
    expect(again.status).toBe(200);
    await again.arrayBuffer();
    server.setFaults([{ match: "/files/", kind: "html-200" }]);
    const html = await fetch(`${server.baseUrl}/files/plain.bin`);
    expect(html.headers.get("content-type")).toContain("text/html");
    expect(await html.text()).toMatch(/^<!DOCTYPE html>/);
    server.setFaults([]);
  });
});
