import { fireEvent, screen, within } from "@testing-library/react";
import type { Ticket } from "../api/types";
import { TicketView } from "../views/TicketView";
import { json, renderWithApp, routes } from "./render";

const XSS = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script> my card is blocked`;

function hostileTicket(extra: Partial<Ticket> = {}): Ticket {
  return {
    id: "7d1a9c7e-0000-4000-8000-000000000001",
    subject: `<b onmouseover="window.__pwned=3">Card</b> blocked`,
    body: XSS,
    requester: { name: "Sam <script>", email: "sam@example.com" },
    channel: "WEB",
    status: "TRIAGED",
    category: "card_arrival",
    priority: "HIGH",
    team: "cards",
    version: 3,
    createdAt: "2026-11-25T10:00:00Z",
    updatedAt: "2026-11-25T10:00:01Z",
    sla: { firstResponseDueAt: "2099-01-01T00:00:00Z", resolutionDueAt: null, firstRespondedAt: null, resolvedAt: null, state: "ON_TRACK" },
    triage: {
      category: "card_arrival", categoryConfidence: 0.91, priority: "HIGH", priorityConfidence: 0.55, summary: "Card blocked",
      draftReply: "Hello Sam, we unblocked your card.", model: "knn", source: "local", latencyMs: 12, createdAt: "2026-11-25T10:00:01Z",
      rationale: "<i>close</i> to card examples", sentiment: null, language: "en", promptVersion: null,
      fieldOutcomes: { category: { outcome: "applied", confidence: 0.91 }, priority: "suggested" },
      promptTokens: null, completionTokens: null, costUsd: null,
    },
    triageHistory: [],
    replies: [],
    corrections: [],
    audit: [{ at: "2026-11-25T10:00:00Z", actor: "crm", actorKind: "USER", action: "create", field: null, oldValue: null, newValue: null }],
    ...extra,
  };
}

const categories = [
  { name: "card_arrival", description: "d", team: "cards", active: true },
  { name: "lost_or_stolen_card", description: "d", team: "cards", active: true },
];

describe("TicketView", () => {
  it("renders hostile ticket text literally and never as markup", async () => {
    const { container } = renderWithApp(<TicketView id={hostileTicket().id} />, {
      fetch: routes([
        [/GET \/api\/tickets\/[^/]+$/, () => json(hostileTicket(), { headers: { ETag: '"3"', "Content-Type": "application/json" } })],
        [/similar/, () => json([])],
        [/categories/, () => json(categories)],
      ]),
    });
    expect(await screen.findByTestId("ticket-body")).toHaveProperty("textContent", XSS);
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe(`<b onmouseover="window.__pwned=3">Card</b> blocked`);
    expect(container.querySelector("img, script, b, i")).toBeNull();
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it("shows confidences and whether the AI applied or only suggested", async () => {
    renderWithApp(<TicketView id={hostileTicket().id} />, {
      fetch: routes([
        [/GET \/api\/tickets\/[^/]+$/, () => json({ ...hostileTicket(), triage: { ...hostileTicket().triage!, sentiment: "NEGATIVE", language: "de" } })],
        [/similar/, () => json([])],
        [/categories/, () => json(categories)],
      ]),
    });
    expect(await screen.findByLabelText("category card_arrival (applied by AI, 91% confident)")).toBeTruthy();
    expect(screen.getByLabelText("priority High (AI suggestion, 55% confident)")).toBeTruthy();
    const reading = screen.getByText("Sentiment").parentElement!;
    expect(within(reading).getByText("Negative")).toBeTruthy();
    expect(within(reading).getByText("de")).toBeTruthy();
  });

  it("says when the language model's answer was rejected and the field left to a human", async () => {
    const triage = { ...hostileTicket().triage!, fieldOutcomes: {
      category: { outcome: "abstained", value: "card_arrival", confidence: 0.61, model: "knn", reason: "llm_answer_rejected" },
      priority: { outcome: "applied", value: "HIGH", confidence: 0.97, model: "gpt", reason: null } } };
    renderWithApp(<TicketView id={hostileTicket().id} />, {
      fetch: routes([
        [/GET \/api\/tickets\/[^/]+$/, () => json({ ...hostileTicket({ category: null, team: null }), triage })],
        [/similar/, () => json([])],
        [/categories/, () => json(categories)],
      ]),
    });
    const category = (await screen.findByText("Category", { selector: "dt" })).nextElementSibling!;
    expect(category.textContent).toContain("abstained (the language model's answer broke the rules twice: a human decides)");
    const priority = screen.getByText("Priority", { selector: "dt" }).nextElementSibling!;
    expect(priority.textContent).not.toContain("broke the rules");
  });

  it("corrects the category with If-Match and tells the agent the model learned it", async () => {
    let patch: { ifMatch: string | null; body: unknown } | undefined;
    renderWithApp(<TicketView id={hostileTicket().id} />, {
      fetch: routes([
        [/PATCH \/api\/tickets\//, async (req) => {
          patch = { ifMatch: req.headers.get("If-Match"), body: await req.json() };
          return json(hostileTicket({ category: "lost_or_stolen_card", version: 4,
            corrections: [{ field: "category", aiValue: "card_arrival", agentValue: "lost_or_stolen_card", agent: "agent", createdAt: "2026-11-25T10:01:00Z" }] }),
            { headers: { ETag: '"4"', "Content-Type": "application/json" } });
        }],
        [/GET \/api\/tickets\/[^/]+$/, () => json(hostileTicket(), { headers: { ETag: '"3"', "Content-Type": "application/json" } })],
        [/similar/, () => json([])],
        [/categories/, () => json(categories)],
      ]),
    });
    await screen.findByRole("option", { name: "lost_or_stolen_card (cards)" });
    fireEvent.change(screen.getByLabelText("Category"), { target: { value: "lost_or_stolen_card" } });
    fireEvent.click(screen.getByRole("button", { name: "Set category" }));
    expect((await screen.findByText(/^Learned:/)).textContent).toContain("lost_or_stolen_card");
    expect(patch).toEqual({ ifMatch: '"3"', body: { category: "lost_or_stolen_card" } });
    // the badge now shows the agent's value, without the AI's confidence in another value
    expect(screen.getByLabelText("category lost_or_stolen_card (set by an agent)")).toBeTruthy();
  });

  it("takes the ticket into work, assigned to the signed-in agent", async () => {
    let body: unknown;
    renderWithApp(<TicketView id={hostileTicket().id} />, {
      fetch: routes([
        [/PATCH/, async (req) => {
          body = await req.json();
          return json(hostileTicket({ status: "IN_PROGRESS", assignee: "agent" }));
        }],
        [/GET \/api\/tickets\/[^/]+$/, () => json(hostileTicket())],
        [/similar/, () => json([])],
        [/categories/, () => json(categories)],
      ]),
    });
    fireEvent.click(await screen.findByRole("button", { name: "Take it" }));
    expect(await screen.findByRole("button", { name: "Resolve" })).toBeTruthy();
    expect(body).toEqual({ status: "IN_PROGRESS", assignee: "agent" });
  });

  it("shows a 412 problem readably", async () => {
    renderWithApp(<TicketView id={hostileTicket().id} />, {
      fetch: routes([
        [/PATCH/, () => json({ title: "Precondition Failed", status: 412, detail: "The ticket changed since you loaded it." }, { status: 412, headers: { "Content-Type": "application/problem+json" } })],
        [/GET \/api\/tickets\/[^/]+$/, () => json(hostileTicket())],
        [/similar/, () => json([])],
        [/categories/, () => json(categories)],
      ]),
    });
    fireEvent.click(await screen.findByRole("button", { name: "Urgent" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Precondition Failed");
    expect(alert.textContent).toContain("The ticket changed since you loaded it.");
  });

  it("sends the drafted reply, edited, as started from the AI draft", async () => {
    let sent: unknown;
    renderWithApp(<TicketView id={hostileTicket().id} />, {
      fetch: routes([
        [/POST .*\/replies/, async (req) => {
          sent = await req.json();
          return json({ id: "r1", body: "x", origin: "AI_DRAFT_EDITED", author: "agent", createdAt: "2026-11-25T10:02:00Z" }, { status: 201 });
        }],
        [/GET \/api\/tickets\/[^/]+$/, () => json(hostileTicket())],
        [/similar/, () => json([])],
        [/categories/, () => json(categories)],
      ]),
    });
    const box = (await screen.findByLabelText("Reply")) as HTMLTextAreaElement;
    expect(box.value).toBe("Hello Sam, we unblocked your card.");
    fireEvent.change(box, { target: { value: "Hello Sam, we unblocked your card. Sorry!" } });
    fireEvent.click(screen.getByRole("button", { name: "Send reply" }));
    expect((await screen.findByText(/Reply sent/)).textContent).toContain("AI draft, edited");
    expect(sent).toEqual({ body: "Hello Sam, we unblocked your card. Sorry!", startedFrom: "AI_DRAFT" });
  });
});
