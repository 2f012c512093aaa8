import { existsSync, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

export const BASE_URL = process.env.DASHBOARD_URL ?? "http://localhost:8080";
export const TOKEN_URL =
  process.env.TOKEN_URL ?? "http://localhost:8180/realms/triage/protocol/openid-connect/token";
export const SCREENSHOT_DIR = path.resolve(process.env.SCREENSHOT_DIR ?? "e2e-output/screenshots");

/** Debian's chromium (installed by deploy/local/test), driven by playwright-core: no browser download. */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM ?? "/usr/bin/chromium";
  if (!existsSync(executablePath)) throw new Error(`${executablePath} is missing: apt-get install chromium`);
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      `--disk-cache-dir=${mkdtempSync(path.join(tmpdir(), "dashboard-e2e-"))}`,
    ],
  });
}

export interface Watched {
  context: BrowserContext;
  page: Page;
  /** Dialogs (alert/confirm/prompt) the page opened: an executed XSS payload would show up here. */
  dialogs: string[];
  /** Uncaught page errors, reported at the end of a test. */
  errors: string[];
}

export async function openPage(browser: Browser): Promise<Watched> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: "en-GB", timezoneId: "UTC" });
  const page = await context.newPage();
  const dialogs: string[] = [];
  const errors: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return { context, page, dialogs, errors };
}

/** Signs in through Keycloak's real login form (authorization code + PKCE). */
export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto(BASE_URL);
  await page.locator("#username").fill(username);
  await page.locator("#password").fill(password);
  await page.locator("#kc-login").click();
  await page.getByRole("heading", { name: "Queue" }).waitFor();
}

export async function integrationToken(): Promise<string> {
  const response = await fetch(TOKEN_URL, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "client_credentials",
      client_id: "triage-integration",
      client_secret: process.env.INTEGRATION_CLIENT_SECRET ?? "triage-integration-secret",
    }),
  });
  if (!response.ok) throw new Error(`token request answered ${response.status}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

/** Opens a ticket over the API as an internal system would; resolves with its id. */
export async function postTicket(subject: string, body: string): Promise<string> {
  const response = await fetch(`${BASE_URL}/api/tickets`, {
    method: "POST",
    headers: { Authorization: `Bearer ${await integrationToken()}`, "Content-Type": "application/json" },
    body: JSON.stringify({ subject, body, requester: { name: "Robin Customer", email: "robin@example.com" }, channel: "API" }),
  });
  if (response.status !== 202) throw new Error(`POST /api/tickets answered ${response.status}: ${await response.text()}`);
  return response.headers.get("Location")!.split("/").pop()!;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: false });
}

/** The ticket as the API returns it to its submitter (the integration client). */
export interface ApiTicket {
  triage?: { category: string | null; draftReply: string | null; sentiment: string | null; language: string | null };
  replies?: { body: string; origin: string }[];
}

export async function getTicketAsIntegration(id: string): Promise<ApiTicket> {
  const response = await fetch(`${BASE_URL}/api/tickets/${id}`, { headers: { Authorization: `Bearer ${await integrationToken()}` } });
  if (!response.ok) throw new Error(`GET /api/tickets/${id} answered ${response.status}`);
  return (await response.json()) as ApiTicket;
}
