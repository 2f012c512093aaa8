// @vitest-environment node
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

// server/serve.mjs as `up` runs it, in front of two small upstream servers standing in for ticket-service and the gateway.
let api: http.Server;
let gateway: http.Server;
let serve: ChildProcess;
let base: string;
const seen: { method?: string; url?: string; auth?: string; body?: string }[] = [];

function listen(server: http.Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)));
}

beforeAll(async () => {
  const dist = mkdtempSync(path.join(tmpdir(), "serve-test-"));
  mkdirSync(path.join(dist, "assets"));
  writeFileSync(path.join(dist, "index.html"), "<!doctype html><title>app</title>");
  writeFileSync(path.join(dist, "assets", "app-1234.js"), "console.log(1)");
  api = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      seen.push({ method: req.method, url: req.url, auth: req.headers.authorization, body });
      res.writeHead(202, { Location: "/api/tickets/1", "Content-Type": "application/json" });
      res.end('{"ok":true}');
    });
  });
  gateway = http.createServer();
  gateway.on("upgrade", (req, socket) => {
    socket.write(
      "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
        `X-Seen-Protocol: ${req.headers["sec-websocket-protocol"]}\r\nX-Seen-Url: ${req.url}\r\n\r\n`,
    );
    socket.on("data", (data) => socket.write(data)); // echo
  });
  const [apiPort, wsPort] = [await listen(api), await listen(gateway)];
  serve = spawn(process.execPath, [path.resolve(__dirname, "../../server/serve.mjs")], {
    env: { ...process.env, PORT: "0", DIST: dist, API_URL: `http://127.0.0.1:${apiPort}`, WS_URL: `http://127.0.0.1:${wsPort}`,
      OIDC_AUTH_SERVER_URL: "http://localhost:8180/realms/triage" },
  });
  base = await new Promise<string>((resolve, reject) => {
    serve.stdout!.on("data", (d: Buffer) => {
      const match = /http:\/\/localhost:(\d+)/.exec(d.toString());
      if (match) resolve(`http://127.0.0.1:${match[1]}`);
    });
    serve.on("exit", (code) => reject(new Error(`serve.mjs exited with ${code}`)));
  });
});

afterAll(() => {
  serve?.kill();
  api?.close();
  gateway?.close();
});

describe("serve.mjs", () => {
  it("serves the SPA for client routes, with a strict CSP, and 404 for missing assets", async () => {
    const page = await fetch(`${base}/tickets/5b0f3c1e-7d1a-4c35-9a43-0f4c3a5e2b11`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("<title>app</title>");
    expect(page.headers.get("content-security-policy")).toContain("script-src 'self'");
    expect(page.headers.get("content-security-policy")).toContain("connect-src 'self' http://localhost:8180");
    expect((await fetch(`${base}/assets/app-1234.js`)).headers.get("cache-control")).toContain("immutable");
    expect((await fetch(`${base}/assets/missing.js`)).status).toBe(404);
    const raw = (target: string) =>
      new Promise<number>((resolve) =>
        http.get({ host: "127.0.0.1", port: Number(new URL(base).port), path: target }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        }),
      );
    // an encoded path that climbs out of dist/ gets the SPA, never a file outside it; a malformed one a 400
    const climbing = await new Promise<string>((resolve) =>
      http.get({ host: "127.0.0.1", port: Number(new URL(base).port), path: "/..%2F..%2F..%2F..%2Fetc%2Fpasswd" }, (res) => {
        let text = "";
        res.on("data", (d) => (text += d));
        res.on("end", () => resolve(text));
      }),
    );
    expect(climbing).toContain("<title>app</title>");
    expect(await raw("/%E0%A4%A")).toBe(400);
  });

  it("answers config.json from the environment", async () => {
    expect(await (await fetch(`${base}/config.json`)).json()).toEqual({
      authority: "http://localhost:8180/realms/triage",
      clientId: "agent-dashboard",
    });
  });

  it("proxies the API with method, headers and body", async () => {
    const response = await fetch(`${base}/api/tickets?x=1`, {
      method: "POST",
      headers: { Authorization: "Bearer t", "Content-Type": "application/json" },
      body: '{"subject":"s"}',
    });
    expect(response.status).toBe(202);
    expect(response.headers.get("location")).toBe("/api/tickets/1");
    expect(seen.at(-1)).toEqual({ method: "POST", url: "/api/tickets?x=1", auth: "Bearer t", body: '{"subject":"s"}' });
  });

  it("passes WebSocket upgrades on /ws/ through to the gateway, subprotocols included", async () => {
    const port = Number(new URL(base).port);
    const answer = await new Promise<string>((resolve, reject) => {
      const req = http.request({ host: "127.0.0.1", port, path: "/ws/tickets", headers: {
        Connection: "Upgrade", Upgrade: "websocket", "Sec-WebSocket-Version": "13", "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ==",
        "Sec-WebSocket-Protocol": "triage.v1, token" } });
      req.on("upgrade", (res, socket) => {
        socket.write("ping-bytes");
        socket.once("data", (d) => {
          resolve(`${res.headers["x-seen-protocol"]}|${res.headers["x-seen-url"]}|${d.toString()}`);
          socket.destroy();
        });
      });
      req.on("error", reject);
      req.end();
    });
    expect(answer).toBe("triage.v1, token|/ws/tickets|ping-bytes");
  });
});
