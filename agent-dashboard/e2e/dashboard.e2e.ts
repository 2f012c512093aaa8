import type { Browser } from "playwright-core";
import { getTicketAsIntegration, launchBrowser, openPage, postTicket, screenshot, signIn, type Watched } from "./support";

// Against the running suite (deploy/local/up): Keycloak, the three services and the dashboard at :8080.
let browser: Browser;
const run = Date.now().toString(36);

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function expectClean(w: Watched) {
  expect(w.dialogs).toEqual([]);
  expect(w.errors).toEqual([]);
  await w.context.close();
}

describe("agent dashboard", () => {
  it("shows a ticket posted over the API live, triaged, and lets the agent correct it and reply", async () => {
    const w = await openPage(browser);
    const { page } = w;
    await signIn(page, "agent", "agent");
    await page.getByRole("status", { name: "Live updates: Live" }).waitFor();
    // Proves that what follows arrives without a reload: a reload would drop this flag.
    await page.evaluate(() => ((window as unknown as { __e2eMarker: string }).__e2eMarker = "kept"));

    const subject = `My new card has still not arrived (${run})`;
    const posted = Date.now();
    const id = await postTicket(subject, "I ordered a new card two weeks ago and it has still not arrived. When will my card be delivered?");
    const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: subject }) });
    await row.waitFor({ timeout: 30_000 });
    const shown = Date.now();
    await row.getByText("Triaged", { exact: true }).waitFor({ timeout: 60_000 });
    console.log(`POST to row in the queue ${shown - posted} ms, to row triaged ${Date.now() - posted} ms (live, no reload)`);
    await row.getByLabel(/^category card_/).waitFor();
    expect(await page.evaluate(() => (window as unknown as { __e2eMarker?: string }).__e2eMarker)).toBe("kept");
    await screenshot(page, "queue");

    await row.getByRole("link", { name: subject }).click();
    await page.getByRole("heading", { level: 1, name: subject }).waitFor();
    expect(page.url()).toContain(`/tickets/${id}`);
    await page.getByRole("heading", { name: "AI triage" }).waitFor();

    // One-click correction: another category of the same team, so the ticket stays in this agent's team.
    // A value that differs from the AI's (applied or only suggested), so it is a correction to learn from.
    const aiCategory = (await getTicketAsIntegration(id)).triage?.category;
    const target = ["card_arrival", "card_delivery_estimate", "card_not_working"].find((c) => c !== aiCategory)!;
    const category = page.getByLabel("Category", { exact: true });
    await category.selectOption(target);
    await page.getByRole("button", { name: "Set category" }).click();
    await page.getByRole("status").filter({ hasText: /^Learned:/ }).waitFor();
    await page.getByRole("table", { name: "Audit trail" }).getByText(new RegExp(`category: .* → ${target}`)).waitFor();

    // The worker always drafts (the local path grounds it on similar tickets' replies or a template): the reply
    // box holds that draft, the agent edits it, and the service records the reply as an edited AI draft.
    const triage = (await getTicketAsIntegration(id)).triage;
    const draft = triage?.draftReply ?? "";
    expect(draft.trim()).not.toBe("");
    const reply = page.getByLabel("Reply", { exact: true });
    expect(await reply.inputValue()).toBe(draft);
    const sent = `${draft}\n\nP.S. Your card left our warehouse yesterday; it arrives within 3 working days.`;
    await reply.fill(sent);
    await page.getByRole("button", { name: "Send reply" }).click();
    await page.getByRole("status").filter({ hasText: "Reply sent (AI draft, edited)." }).waitFor();
    const replies = (await getTicketAsIntegration(id)).replies ?? [];
    expect(replies.map((r) => [r.origin, r.body])).toEqual([["AI_DRAFT_EDITED", sent]]);
    // The triage's sentiment and language are shown with the rest of the AI's reading.
    const ai = page.locator("dl.ai");
    expect(triage?.language).toBeTruthy();
    await ai.getByText(triage!.language!, { exact: true }).waitFor();
    await ai.getByText("Sentiment", { exact: true }).waitFor();
    await page.getByRole("heading", { name: "Replies sent" }).waitFor();
    await screenshot(page, "ticket");
    await expectClean(w);
  });

  it("keeps an HTML/script payload in a ticket inert and shows it as text", async () => {
    const w = await openPage(browser);
    const { page } = w;
    await signIn(page, "agent", "agent");
    const subject = `<img src=x onerror="window.__xss=1;alert('xss')"> card blocked ${run}`;
    const body = `<script>window.__xss=2;alert('xss')</script><img src=x onerror="window.__xss=3">My card is blocked`;
    await postTicket(subject, body);
    const link = page.getByRole("link", { name: subject });
    await link.waitFor({ timeout: 30_000 });
    await link.click();
    await page.getByTestId("ticket-body").waitFor();
    expect(await page.getByTestId("ticket-body").textContent()).toBe(body);
    await page.getByRole("heading", { level: 1, name: subject }).waitFor();
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.locator("main img, main script").count()).toBe(0);
    await expectClean(w);
  });

  it("gives admins the taxonomy, SLA policies, import and insights", async () => {
    const w = await openPage(browser);
    const { page } = w;
    await signIn(page, "admin", "admin");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" }).click();
    await page.getByRole("table", { name: "SLA policies" }).getByRole("row", { name: /Urgent/ }).waitFor();
    await page.getByRole("table", { name: "Categories" }).getByRole("row", { name: /card_arrival/ }).waitFor();
    await page.getByRole("heading", { name: "Import labelled history" }).waitFor();
    await screenshot(page, "admin");

    // The view charts what GET /api/insights answers: today's volume counts at least the tickets posted above.
    const answer = page.waitForResponse((response) => new URL(response.url()).pathname === "/api/insights");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Insights" }).click();
    const insights = (await (await answer).json()) as { volume: { day: string; created: number; triaged: number }[] };
    const today = new Date().toISOString().slice(0, 10);
    const todays = insights.volume.find((d) => d.day === today);
    expect(todays?.created ?? 0).toBeGreaterThan(0);
    await page.getByRole("heading", { name: "Ticket volume" }).waitFor();
    await page.getByRole("img", { name: new RegExp(`${today} ${todays!.created} created, ${todays!.triaged} triaged`) }).waitFor();
    await page.getByRole("img", { name: /^local model \d+, LLM \d+, humans \d+, abstained \d+$/ }).waitFor();
    console.log(`insights: today ${todays!.created} created, ${todays!.triaged} triaged`);
    await screenshot(page, "insights");
    await expectClean(w);
  });
});
