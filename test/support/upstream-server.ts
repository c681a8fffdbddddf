import { readdirSync, readFileSync, statSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";

/**
 * A loopback HTTP server laid out like the upstream archives, with scriptable faults, so the
 * download cache is tested against real sockets without the network.
 */

export type FaultKind =
  /** Answer `status` (default 503) with a small HTML body. */
  | "status"
  /** Send headers (full Content-Length) and `bytes` of the body, then destroy the socket. */
  | "reset"
  /** Send the first `bytes` of the body with a matching Content-Length (corrupt but consistent). */
  | "truncate"
  /** Declare Content-Length + `lengthDelta` (default +1000), send the whole body, close. */
  | "wrong-length"
  /** A portal home page with 200 text/html, as UCalgary sends for missing files. */
  | "html-200"
  /** Wait `delayMs` before the headers and/or between `chunkBytes` chunks. */
  | "slow";

export interface FaultRule {
  /** A RegExp tested on the decoded path, or a path prefix. */
  readonly match: RegExp | string;
  readonly kind: FaultKind;
  /** Apply to the first n matching requests only (default: every one). */
  readonly times?: number;
  readonly status?: number;
  /** Body bytes sent for "reset" / "truncate" (default half the body). */
  readonly bytes?: number;
  readonly lengthDelta?: number;
  readonly delayMs?: number;
  /** For "slow": where to wait (default both). */
  readonly delayWhere?: "headers" | "chunks" | "both";
  readonly chunkBytes?: number;
  /** Extra response headers (e.g. Retry-After). */
  readonly headers?: Readonly<Record<string, string>>;
}

export interface RecordedRequest {
  readonly method: string;
  /** Decoded path. */
  readonly path: string;
  readonly status: number;
  readonly userAgent: string | undefined;
}

export interface UpstreamServer {
  /** http://127.0.0.1:<port> */
  readonly baseUrl: string;
  readonly requests: RecordedRequest[];
  setFaults(rules: readonly FaultRule[]): void;
  close(): Promise<void>;
}

export interface UpstreamServerOptions {
  /** A directory tree served at "/". */
  readonly root?: string;
  /** URL path (decoded, starting with "/") → absolute file path. */
  readonly mounts?: Readonly<Record<string, string>>;
  readonly faults?: readonly FaultRule[];
}

type Resolved =
  | { kind: "file"; path: string; size: number }
  | { kind: "dir"; children: Map<string, boolean> };

function decodePath(rawPath: string): string[] | null {
  try {
    const segments = rawPath.split("/").map((segment) => decodeURIComponent(segment));
    return segments.some((segment) => segment === ".." || segment.includes("\0")) ? null : segments;
  } catch {
    return null;
  }
}

function resolvePath(segments: string[], options: UpstreamServerOptions): Resolved | null {
  const parts = segments.filter((segment) => segment !== "");
  const path = `/${parts.join("/")}`;
  const mounted = options.mounts?.[path];
  if (mounted !== undefined) return { kind: "file", path: mounted, size: statSync(mounted).size };
  const children = new Map<string, boolean>();
  let isDir = false;
  for (const mountPath of Object.keys(options.mounts ?? {})) {
    const mountParts = mountPath.split("/").filter((segment) => segment !== "");
    if (mountParts.length <= parts.length || !parts.every((part, i) => mountParts[i] === part))
      continue;
    isDir = true;
    const child = mountParts[parts.length] as string;
    children.set(child, (children.get(child) ?? false) || mountParts.length > parts.length + 1);
  }
  if (options.root !== undefined) {
    const local = join(options.root, ...parts);
    const stat = statSync(local, { throwIfNoEntry: false });
    if (stat?.isFile() && !isDir) return { kind: "file", path: local, size: stat.size };
    if (stat?.isDirectory()) {
      isDir = true;
      for (const dirent of readdirSync(local, { withFileTypes: true })) {
        children.set(dirent.name, (children.get(dirent.name) ?? false) || dirent.isDirectory());
      }
    }
  }
  return isDir ? { kind: "dir", children } : null;
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/** An index page shaped like Apache mod_autoindex output (title, parent link, sort links). */
function indexPage(path: string, children: Map<string, boolean>): string {
  const title = `Index of ${escapeHtml(path.endsWith("/") ? path : `${path}/`)}`;
  const rows = [...children.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, isDir]) => {
      const href = `${encodeURIComponent(name)}${isDir ? "/" : ""}`;
      return `<tr><td><a href="${escapeHtml(href)}">${escapeHtml(name)}${isDir ? "/" : ""}</a></td><td align="right">2024-01-01 00:00</td></tr>`;
    });
  return [
    '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 3.2 Final//EN">',
    `<html><head><title>${title}</title></head><body><h1>${title}</h1>`,
    '<table><tr><th><a href="?C=N;O=D">Name</a></th><th><a href="?C=M;O=A">Last modified</a></th></tr>',
    `<tr><td><a href="${escapeHtml(parentOf(path))}">Parent Directory</a></td><td>&nbsp;</td></tr>`,
    ...rows,
    "</table></body></html>",
    "",
  ].join("\n");
}

function parentOf(path: string): string {
  const parts = path.split("/").filter((segment) => segment !== "");
  parts.pop();
  return `/${parts.map((part) => encodeURIComponent(part)).join("/")}${parts.length > 0 ? "/" : ""}`;
}

const HOME_PAGE =
  "<!DOCTYPE html>\n<html><head><title>Data portal</title></head><body><h1>Welcome</h1>" +
  '<a href="/about.html">About</a> <a href="https://example.org/">Partners</a></body></html>\n';

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function bodyOf(target: Resolved, path: string): Buffer {
  return target.kind === "file"
    ? readFileSync(target.path)
    : Buffer.from(indexPage(path, target.children));
}

function contentType(target: Resolved): string {
  return target.kind === "dir" ? "text/html;charset=UTF-8" : "application/octet-stream";
}

export async function startUpstreamServer(
  options: UpstreamServerOptions = {},
): Promise<UpstreamServer> {
  const requests: RecordedRequest[] = [];
  let faults = (options.faults ?? []).map((rule) => ({ rule, used: 0 }));
  const takeFault = (path: string): FaultRule | undefined => {
    for (const entry of faults) {
      const { rule } = entry;
      const matches =
        typeof rule.match === "string" ? path.startsWith(rule.match) : rule.match.test(path);
      if (!matches || (rule.times !== undefined && entry.used >= rule.times)) continue;
      entry.used += 1;
      return rule;
    }
    return undefined;
  };

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const method = request.method ?? "GET";
    const rawPath = (request.url ?? "/").split("?")[0] as string;
    const segments = decodePath(rawPath);
    const path = segments === null ? rawPath : segments.join("/");
    const record = (status: number): void => {
      requests.push({ method, path, status, userAgent: request.headers["user-agent"] });
    };
    const fault = takeFault(path);
    if (fault?.kind === "status") {
      const status = fault.status ?? 503;
      record(status);
      response.writeHead(status, { "Content-Type": "text/html", ...fault.headers });
      response.end(`<html><body>HTTP ${status}</body></html>`);
      return;
    }
    if (fault?.kind === "html-200") {
      record(200);
      response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
      response.end(method === "HEAD" ? undefined : HOME_PAGE);
      return;
    }
    const target = segments === null ? null : resolvePath(segments, options);
    if (target === null) {
      record(404);
      response.writeHead(404, { "Content-Type": "text/html" });
      response.end("<html><head><title>404 Not Found</title></head><body>Not Found</body></html>");
      return;
    }
    const body = bodyOf(target, path);
    record(200);
    const head = { "Content-Type": contentType(target), ...fault?.headers };
    if (method === "HEAD") {
      response.writeHead(200, { ...head, "Content-Length": String(body.length) });
      response.end();
      return;
    }
    switch (fault?.kind) {
      case "reset":
      case "wrong-length": {
        // Raw bytes on the socket: Node's own response object refuses inconsistent lengths.
        const sent =
          fault.kind === "reset" ? body.subarray(0, fault.bytes ?? body.length >> 1) : body;
        const declared =
          fault.kind === "reset" ? body.length : body.length + (fault.lengthDelta ?? 1000);
        const socket = request.socket;
        socket.write(
          `HTTP/1.1 200 OK\r\nContent-Type: ${head["Content-Type"]}\r\nContent-Length: ${declared}\r\nConnection: close\r\n\r\n`,
        );
        socket.write(sent, () => (fault.kind === "reset" ? socket.destroy() : socket.end()));
        return;
      }
      case "truncate": {
        const sent = body.subarray(0, fault.bytes ?? body.length >> 1);
        response.writeHead(200, { ...head, "Content-Length": String(sent.length) });
        response.end(sent);
        return;
      }
      case "slow": {
        const where = fault.delayWhere ?? "both";
        const delayMs = fault.delayMs ?? 100;
        if (where !== "chunks") await delay(delayMs);
        response.writeHead(200, { ...head, "Content-Length": String(body.length) });
        const chunkBytes = fault.chunkBytes ?? 64 * 1024;
        for (let offset = 0; offset < body.length; offset += chunkBytes) {
          if (response.destroyed) return;
          response.write(body.subarray(offset, offset + chunkBytes));
          if (where !== "headers" && offset + chunkBytes < body.length) await delay(delayMs);
        }
        response.end();
        return;
      }
      default: {
        response.writeHead(200, { ...head, "Content-Length": String(body.length) });
        response.end(body);
      }
    }
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      response.destroy(error instanceof Error ? error : new Error(String(error)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    setFaults(rules) {
      faults = rules.map((rule) => ({ rule, used: 0 }));
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
