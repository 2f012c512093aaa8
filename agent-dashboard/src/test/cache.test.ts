import { QueryClient, type InfiniteData } from "@tanstack/react-query";
import type { Ticket, TicketPage } from "../api/types";
import { applyEvent, triageHintKey } from "../live/cache";
import type { TicketEvent } from "../live/LiveConnection";

const ticket = (updatedAt: string, extra: Partial<Ticket> = {}): Ticket => ({
  id: "t1", subject: "Card stuck", status: "PENDING_TRIAGE", channel: "WEB", category: null, priority: null,
  team: null, createdAt: "2026-11-25T10:00:00Z", updatedAt, ...extra,
});

function cacheWith(t: Ticket) {
  const client = new QueryClient();
  client.setQueryData<InfiniteData<TicketPage>>(["tickets", {}], { pages: [{ items: [t] }], pageParams: [undefined] });
  return client;
}
const rows = (client: QueryClient) => client.getQueryData<InfiniteData<TicketPage>>(["tickets", {}])!.pages[0].items;

describe("applyEvent", () => {
  it("patches a shown ticket at once and remembers the AI's confidences", () => {
    const client = cacheWith(ticket("2026-11-25T10:00:00Z"));
    const event = {
      type: "ticket.triaged", eventId: "e", ticketId: "t1", occurredAt: "", v: 1,
      ticket: ticket("2026-11-25T10:00:01.5Z", { status: "TRIAGED", category: "card_arrival", priority: "HIGH" }),
      triage: { category: "card_arrival", categoryConfidence: 0.91, priority: "HIGH", priorityConfidence: 0.7, summary: null, model: "knn", source: "local" },
    } as TicketEvent;
    applyEvent(client, event);
    expect(rows(client)[0]).toMatchObject({ status: "TRIAGED", category: "card_arrival" });
    expect(client.getQueryData(triageHintKey("t1"))).toMatchObject({ categoryConfidence: 0.91 });
  });

  it("ignores an event older than what is shown (events and refetches overlap)", () => {
    const client = cacheWith(ticket("2026-11-25T10:00:05Z", { status: "IN_PROGRESS" }));
    applyEvent(client, { type: "ticket.created", eventId: "e", ticketId: "t1", occurredAt: "", v: 1, ticket: ticket("2026-11-25T10:00:00Z") } as TicketEvent);
    expect(rows(client)[0].status).toBe("IN_PROGRESS");
  });
});

describe("list refetches after events", () => {
  it("come once per burst", async () => {
    vi.useFakeTimers();
    try {
      const client = cacheWith(ticket("2026-11-25T10:00:00Z"));
      let fetches = 0;
      client.getQueryCache().subscribe((e) => {
        if (e.type === "updated" && e.action.type === "invalidate") fetches++;
      });
      for (let i = 0; i < 20; i++) {
        applyEvent(client, { type: "ticket.created", eventId: `e${i}`, ticketId: `t${i}`, occurredAt: "", v: 1, ticket: ticket("2026-11-25T10:00:00Z", { id: `t${i}` }) } as TicketEvent);
      }
      expect(fetches).toBe(0);
      await vi.advanceTimersByTimeAsync(500);
      expect(fetches).toBe(1);
    } finally {
      vi.useRealTimers();
    }
  });
});
