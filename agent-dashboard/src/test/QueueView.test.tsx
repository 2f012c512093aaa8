import { screen, within } from "@testing-library/react";
import type { Ticket } from "../api/types";
import { QueueView } from "../views/QueueView";
import { json, renderWithApp, routes } from "./render";

const base: Ticket = {
  id: "00000000-0000-4000-8000-000000000001", subject: "Card never arrived", status: "TRIAGED", channel: "WEB",
  category: "card_arrival", priority: "URGENT", team: "cards", createdAt: new Date(Date.now() - 3_600_000).toISOString(),
  updatedAt: new Date().toISOString(),
  sla: { firstResponseDueAt: new Date(Date.now() - 120_000).toISOString(), resolutionDueAt: null, firstRespondedAt: null, resolvedAt: null, state: "BREACHED" },
};

describe("QueueView", () => {
  it("passes the filters from the URL to the API and highlights breached and untriaged tickets", async () => {
    window.history.replaceState(null, "", "/?priority=URGENT&sla=breached");
    const requested: string[] = [];
    renderWithApp(<QueueView />, {
      fetch: routes([
        [/GET \/api\/tickets\?/, (req) => {
          requested.push(req.url);
          return json({ items: [base, { ...base, id: "00000000-0000-4000-8000-000000000002", subject: "<script>alert(1)</script>", category: null, priority: null, team: null, sla: { ...base.sla!, state: "NONE", firstResponseDueAt: null } }] });
        }],
        [/categories/, () => json([{ name: "card_arrival", description: "", team: "cards", active: true }])],
      ]),
    });
    const table = await screen.findByRole("table", { name: "Ticket queue" });
    const rows = within(table).getAllByRole("row");
    expect(rows).toHaveLength(3);
    expect(new URL(requested[0]).searchParams.get("priority")).toBe("URGENT");
    expect(new URL(requested[0]).searchParams.get("sla")).toBe("breached");
    expect(rows[1].className).toContain("row-breached");
    expect(within(rows[1]).getByText(/overdue 2m/)).toBeTruthy();
    expect(within(rows[2]).getByText("<script>alert(1)</script>")).toBeTruthy();
    expect(within(rows[2]).getByText("needs a human")).toBeTruthy();
    expect((screen.getByLabelText("Priority") as HTMLSelectElement).value).toBe("URGENT");
  });

  it("shows each row's confidences and outcomes from the list's badges, and none before triage", async () => {
    window.history.replaceState(null, "", "/");
    const applied: Ticket = {
      ...base, priority: null,
      badges: { category: "card_arrival", categoryConfidence: 0.91, priority: "URGENT", priorityConfidence: 0.42, fieldOutcomes: { category: "applied", priority: "suggested" } },
    };
    const abstained: Ticket = {
      ...base, id: "00000000-0000-4000-8000-000000000003", subject: "Unsure", category: null,
      badges: { category: "card_arrival", categoryConfidence: 0.2, priority: "URGENT", priorityConfidence: 0.8, fieldOutcomes: { category: "abstained", priority: "applied" } },
    };
    const corrected: Ticket = {
      ...base, id: "00000000-0000-4000-8000-000000000005", subject: "Moved", category: "lost_or_stolen_card",
      badges: { category: "card_arrival", categoryConfidence: 0.7, priority: "URGENT", priorityConfidence: 0.8, fieldOutcomes: { category: "applied", priority: "applied" } },
    };
    const pending: Ticket = {
      ...base, id: "00000000-0000-4000-8000-000000000004", subject: "Just in", status: "PENDING_TRIAGE", category: null, priority: null,
      badges: { category: null, categoryConfidence: null, priority: null, priorityConfidence: null, fieldOutcomes: null },
    };
    renderWithApp(<QueueView />, {
      fetch: routes([
        [/GET \/api\/tickets\?/, () => json({ items: [applied, abstained, pending, corrected] })],
        [/categories/, () => json([])],
      ]),
    });
    const table = await screen.findByRole("table", { name: "Ticket queue" });
    const rows = within(table).getAllByRole("row");
    expect(within(rows[1]).getByLabelText("category card_arrival (applied by AI, 91% confident)")).toBeTruthy();
    expect(within(rows[1]).getByLabelText("priority Urgent (AI suggestion, 42% confident)")).toBeTruthy();
    expect(within(rows[2]).getByLabelText("category unset (AI abstained, 20% confident)")).toBeTruthy();
    expect(within(rows[3]).getByLabelText("category unset")).toBeTruthy();
    expect(within(rows[3]).getByLabelText("priority unset")).toBeTruthy();
    // An agent's value is marked as theirs, without the AI's confidence in another value.
    expect(within(rows[4]).getByLabelText("category lost_or_stolen_card (set by an agent)")).toBeTruthy();
  });

  it("shows a problem from the API instead of an empty queue", async () => {
    window.history.replaceState(null, "", "/");
    renderWithApp(<QueueView />, {
      fetch: routes([
        [/GET \/api\/tickets\?/, () => json({ title: "Bad Request", status: 400, detail: "Invalid query", errors: [{ field: "q", message: "too long" }] }, { status: 400, headers: { "Content-Type": "application/problem+json" } })],
        [/categories/, () => json([])],
      ]),
    });
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Bad Request");
    expect(alert.textContent).toContain("q: too long");
  });
});
