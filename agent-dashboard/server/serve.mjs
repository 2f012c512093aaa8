#!/usr/bin/env node
// The dashboard's local server (deploy/local/up): the static build with an SPA fallback, /config.json from the
// environment, and a reverse proxy of the API (ticket-service) and the WebSocket (gateway), so the browser sees
// one origin and needs no CORS. Dependency-free on purpose: it runs wherever Node runs.
//
//   PORT (8080)  DIST (../dist)  API_URL (http://localhost:8081)  WS_URL (http://localhost:8083)
//   OIDC_AUTH_SERVER_URL (http://localhost:8180/realms/triage)  OIDC_CLIENT_ID (agent-dashboard)
import { createReadStream, existsSync, statSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const port = Number(process.env.PORT ?? 8080);
const dist = path.resolve(process.env.DIST ?? path.join(here, "..", "dist"));
const api = new URL(process.env.API_URL ?? "http://localhost:8081");
const ws = new URL(process.env.WS_URL ?? "http://localhost:8083");
const runtimeConfig = JSON.stringify({
  authority: process.env.OIDC_AUTH_SERVER_URL ?? "http://localhost:8180/realms/triage",
  clientId: process.env.OIDC_CLIENT_ID ?? "agent-dashboard",
});

const TYPES = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8",
  ".json": "application/json", ".svg": "image/svg+xml", ".png": "image/png", ".ico": "image/x-icon",
  ".map": "application/json", ".woff2": "font/woff2", ".txt": "text/plain; charset=utf-8",
};
// No inline scripts or styles in the build, so a strict policy costs nothing and stops injected markup cold.
const SECURITY_HEADERS = {
  "Content-Security-Policy":
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
    `connect-src 'self' ${new URL(JSON.parse(runtimeConfig).authority).origin}; frame-ancestors 'none'; base-uri 'self'; form-action 'self' ${new URL(JSON.parse(runtimeConfig).authority).origin}`,
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
};

const proxied = (url) => url.startsWith("/api/") || url === "/api" || url.startsWith("/q/openapi");

function proxy(req, res, target) {
  const upstream = http.request(
    { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, host: target.host } },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  upstream.on("error", () => {
    if (res.headersSent) return res.destroy();
    res.writeHead(502, { "Content-Type": "application/problem+json" });
    res.end(JSON.stringify({ type: "about:blank", title: "Bad Gateway", status: 502, detail: "The API is not reachable." }));
  });
  req.pipe(upstream);
}

function serveFile(res, file, cache) {
  const type = TYPES[path.extname(file)] ?? "application/octet-stream";
  res.writeHead(200, { "Content-Type": type, "Cache-Control": cache, ...SECURITY_HEADERS });
  createReadStream(file).pipe(res);
}

const server = http.createServer((req, res) => {
  const url = req.url ?? "/";
  if (proxied(url)) return proxy(req, res, api);
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.writeHead(405, { Allow: "GET, HEAD" });
    return res.end();
  }
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(url, "http://x").pathname);
  } catch {
    res.writeHead(400);
    return res.end();
  }
  if (pathname === "/config.json" && !existsSync(path.join(dist, "config.json"))) {
    res.writeHead(200, { "Content-Type": "application/json", "Cache-Control": "no-store" });
    return res.end(runtimeConfig);
  }
  if (pathname === "/healthz") {
    res.writeHead(200, { "Content-Type": "text/plain" });
    return res.end("ok");
  }
  const file = path.join(dist, path.normalize(pathname));
  if (file.startsWith(dist + path.sep) && existsSync(file) && statSync(file).isFile()) {
    // Vite fingerprints everything under assets/, so those can be cached for good.
    return serveFile(res, file, pathname.startsWith("/assets/") ? "public, max-age=31536000, immutable" : "no-cache");
  }
  if (pathname.startsWith("/assets/")) {
    res.writeHead(404);
    return res.end();
  }
  serveFile(res, path.join(dist, "index.html"), "no-cache"); // SPA fallback: the app routes on the client
});

// WebSocket upgrades on /ws/* are spliced through to the gateway as raw TCP after forwarding the request head.
server.on("upgrade", (req, socket, head) => {
  if (!(req.url ?? "").startsWith("/ws/")) return socket.destroy();
  const upstream = net.connect(Number(ws.port || 80), ws.hostname, () => {
    const lines = [`${req.method} ${req.url} HTTP/1.1`];
    for (let i = 0; i < req.rawHeaders.length; i += 2) {
      const name = req.rawHeaders[i];
      lines.push(`${name}: ${name.toLowerCase() === "host" ? ws.host : req.rawHeaders[i + 1]}`);
    }
    upstream.write(lines.join("\r\n") + "\r\n\r\n");
    if (head?.length) upstream.write(head);
    upstream.pipe(socket);
    socket.pipe(upstream);
  });
  const close = () => {
    upstream.destroy();
    socket.destroy();
  };
  upstream.on("error", close);
  socket.on("error", close);
});

if (!existsSync(path.join(dist, "index.html"))) {
  console.error(`no build at ${dist}: run npm run build first`);
  process.exit(1);
}
server.listen(port, () =>
  console.log(`agent dashboard on http://localhost:${server.address().port} (api ${api.origin}, ws ${ws.origin})`),
);
for (const signal of ["SIGTERM", "SIGINT"]) process.on(signal, () => server.close(() => process.exit(0)));
