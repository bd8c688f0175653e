// Serves the demo: www/ at /, dist/ at /dist/ (and at /dist/v<version>/), with application/wasm,
// gzip, and the strict Content-Security-Policy on pages whose name ends in "-csp.html". Caching
// as docs/serving.md#caching-headers asks of a city's server: every file has an ETag and a matching
// If-None-Match is a 304; feeds may be reused for a minute and revalidated in the background
// (max-age=60, stale-while-revalidate); /dist/v<version>/ is immutable, /dist/ itself no-cache.
// Compressible files go out gzip -9, compressed once per version of the file, as a CDN serves
// them precompressed: per-request streaming compression would add the server's CPU time to what
// a benchmark measures. Node built-ins only.
import { createServer } from "node:http";
import { openSync, readFileSync, readSync, closeSync, statSync } from "node:fs";
import { extname, join, normalize, resolve, sep } from "node:path";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";

const root = resolve(fileURLToPath(import.meta.url), "../..");
const port = Number(process.env.PORT || 8080);
const host = process.env.HOST || "127.0.0.1";

/** The widget's version (Cargo.toml): /dist/v<version>/ serves dist/ as immutable files. */
export const VERSION = /^version\s*=\s*"([^"]+)"/m.exec(readFileSync(join(root, "Cargo.toml"), "utf8"))[1];
const VERSIONED = `/dist/v${VERSION}/`;

/** Cache-Control by path: feeds briefly fresh then revalidated, versioned dist/ forever. */
export const CACHE = {
  feed: "public, max-age=60, stale-while-revalidate=3600",
  versioned: "public, max-age=31536000, immutable",
  other: "no-cache",
};

export const STRICT_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".ftl": "text/plain; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".xml": "application/xml",
};

// Feeds in legacy encodings (www/feeds/rss/) are served as a city's server would: with the
// charset of their XML declaration in the Content-Type.
function xmlType(file) {
  const head = Buffer.alloc(200);
  const fd = openSync(file, "r");
  const n = readSync(fd, head, 0, head.length, 0);
  closeSync(fd);
  const text = head.subarray(0, n).toString("latin1");
  const type = /<feed[\s>]/.test(text) ? "application/atom+xml" : /<rss[\s>]|<rdf:RDF/.test(text) ? "application/rss+xml" : "application/xml";
  const declared = /encoding=["']([A-Za-z0-9._-]+)["']/.exec(text);
  return `${type}; charset=${declared ? declared[1].toLowerCase() : "utf-8"}`;
}
const COMPRESSIBLE = new Set([".html", ".js", ".mjs", ".css", ".json", ".ftl", ".wasm", ".svg", ".xml"]);

function locate(pathname, mounts) {
  const mount = mounts.find((m) => pathname.startsWith(m.prefix));
  const [dir, rest] = mount
    ? [resolve(mount.dir), pathname.slice(mount.prefix.length)]
    : pathname.startsWith(VERSIONED)
      ? [join(root, "dist"), pathname.slice(VERSIONED.length)]
      : pathname.startsWith("/dist/")
        ? [join(root, "dist"), pathname.slice("/dist/".length)]
        : [join(root, "www"), pathname.slice(1)];
  const file = normalize(join(dir, rest || "index.html"));
  if (file !== dir && !file.startsWith(dir + sep)) return null; // no way out of the served folders
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) return locate(join(pathname, "index.html"), mounts);
    return file;
  } catch {
    return null;
  }
}

function cacheControl(pathname, mounts) {
  const mount = mounts.find((m) => pathname.startsWith(m.prefix));
  if (mount) return typeof mount.cache === "function" ? mount.cache(pathname) : mount.cache || CACHE.other;
  if (pathname.startsWith(VERSIONED)) return CACHE.versioned;
  if (pathname.startsWith("/feeds/")) return CACHE.feed;
  return CACHE.other;
}

/** A weak validator from size and modification time (the body may be sent gzipped). */
function etagOf(file) {
  const stat = statSync(file);
  return `W/"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`;
}

function matches(ifNoneMatch, etag) {
  if (!ifNoneMatch) return false;
  const bare = (tag) => tag.trim().replace(/^W\//, "");
  return ifNoneMatch.split(",").some((tag) => tag.trim() === "*" || bare(tag) === bare(etag));
}

// One gzip -9 body per file version (its ETag), kept for the server's life.
const gzipped = new Map();
function gzipOf(file, etag) {
  const hit = gzipped.get(file);
  if (hit && hit.etag === etag) return hit.body;
  const body = gzipSync(readFileSync(file), { level: 9 });
  gzipped.set(file, { etag, body });
  return body;
}

/**
 * Starts the server. `onResponse(req, status)` (optional) hears every answer: the tests count
 * 304s with it. `mounts` (optional) serves more folders, before www/ and dist/:
 * `[{ prefix: "/reference/", dir, cache }]`, `cache` being a Cache-Control value or a function
 * of the path (the benchmark serves its pages and the reference widget this way).
 */
export function startServer({ port: wanted = port, quiet = false, onResponse = null, mounts = [] } = {}) {
  const server = createServer((req, res) => {
    if (onResponse) res.on("finish", () => onResponse(req, res.statusCode));
    const url = new URL(req.url, "http://localhost");
    const pathname = decodeURIComponent(url.pathname);
    const file = locate(pathname, mounts);
    if (!file) {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
      res.end("not found\n");
      return;
    }
    const ext = extname(file);
    const etag = etagOf(file);
    const headers = {
      "content-type": ext === ".xml" ? xmlType(file) : TYPES[ext] || "application/octet-stream",
      "cache-control": cacheControl(pathname, mounts),
      etag,
      "x-content-type-options": "nosniff",
    };
    if (matches(req.headers["if-none-match"], etag)) {
      res.writeHead(304, { "cache-control": headers["cache-control"], etag, vary: "accept-encoding" });
      res.end();
      return;
    }
    if (file.endsWith("-csp.html")) headers["content-security-policy"] = STRICT_CSP;
    const gzip = COMPRESSIBLE.has(ext) && /\bgzip\b/.test(req.headers["accept-encoding"] || "");
    if (gzip) {
      headers["content-encoding"] = "gzip";
      headers["vary"] = "accept-encoding";
    }
    const body = gzip ? gzipOf(file, etag) : readFileSync(file);
    headers["content-length"] = body.length;
    res.writeHead(200, headers);
    res.end(req.method === "HEAD" ? undefined : body);
  });
  return new Promise((resolvePromise, reject) => {
    server.once("error", (error) => {
      if (error.code === "EADDRINUSE") {
        reject(new Error(`port ${wanted} is already in use on ${host}. Stop the other server, or choose another port: PORT=8081 make demo`));
      } else {
        reject(error);
      }
    });
    server.listen(wanted, host, () => {
      const address = server.address();
      if (!quiet) console.log(`news-widget demo: http://${host}:${address.port}/  (Ctrl+C to stop)`);
      resolvePromise({ server, url: `http://${host}:${address.port}` });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  startServer().catch((error) => {
    console.error(`news-widget: ${error.message}`);
    process.exit(1);
  });
}
