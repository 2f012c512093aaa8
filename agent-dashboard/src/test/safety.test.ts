import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { createUserManager } from "../auth";
import { defaultConfig } from "../config";

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? sources(file) : /\.(tsx?|mjs)$/.test(name) ? [file] : [];
  });
}

describe("safety rules of the source", () => {
  const root = path.resolve(__dirname, "..");
  const files = sources(root).filter((f) => !f.endsWith("safety.test.ts"));

  it("never renders HTML from strings: ticket text only reaches the page as React text nodes", () => {
    expect(files.length).toBeGreaterThan(10);
    const offenders = files.filter((f) => /dangerouslySetInnerHTML|\.innerHTML\s*=|outerHTML|insertAdjacentHTML|document\.write/.test(readFileSync(f, "utf8")));
    expect(offenders).toEqual([]);
  });

  it("never touches localStorage", () => {
    const offenders = files.filter((f) => /localStorage/.test(readFileSync(f, "utf8")));
    expect(offenders).toEqual([]);
  });

  it("keeps the signed-in user (its tokens) in memory only", async () => {
    localStorage.clear();
    sessionStorage.clear();
    const manager = createUserManager(defaultConfig("http://localhost:8080"), "http://localhost:8080");
    const { User } = await import("oidc-client-ts");
    await manager.storeUser(new User({ access_token: "secret-access", refresh_token: "secret-refresh", token_type: "Bearer", profile: { sub: "a", iss: "x", aud: "y", exp: 0, iat: 0 } }));
    expect((await manager.getUser())?.access_token).toBe("secret-access");
    const persisted = JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage });
    expect(persisted).not.toContain("secret-access");
    expect(persisted).not.toContain("secret-refresh");
  });
});
