import { LiveConnection, type LiveStatus, type TicketEvent } from "../live/LiveConnection";

class FakeSocket {
  static all: FakeSocket[] = [];
  onmessage: ((m: { data: unknown }) => void) | null = null;
  onclose: ((e: unknown) => void) | null = null;
  sent: string[] = [];
  closed = false;
  constructor(readonly url: string, readonly protocols: string[]) {
    FakeSocket.all.push(this);
  }
  send(data: string) {
    this.sent.push(data);
  }
  close() {
    this.closed = true;
  }
  serverSends(message: unknown) {
    this.onmessage?.({ data: JSON.stringify(message) });
  }
  serverCloses(code: number) {
    this.onclose?.({ code });
  }
}

const event = (eventId: string): Partial<TicketEvent> => ({
  v: 1, type: "ticket.created", eventId, ticketId: "t1", occurredAt: "2026-11-25T10:00:00Z",
  ticket: { id: "t1", subject: "s", status: "PENDING_TRIAGE", channel: "WEB", category: null, priority: null, team: null, createdAt: "", updatedAt: "2026-11-25T10:00:00Z" },
});

describe("LiveConnection", () => {
  beforeEach(() => {
    FakeSocket.all = [];
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  function start() {
    const events: string[] = [];
    const statuses: LiveStatus[] = [];
    let resyncs = 0;
    const connection = new LiveConnection({
      url: "ws://x/ws/tickets",
      token: async () => "tok en",
      createSocket: (url, protocols) => new FakeSocket(url, protocols) as unknown as WebSocket,
      handlers: { onEvent: (e) => events.push(e.eventId), onResync: () => resyncs++, onStatus: (s) => statuses.push(s) },
      heartbeatMs: 1000,
    });
    connection.start();
    return { connection, events, statuses, resyncs: () => resyncs };
  }

  it("offers triage.v1 and the URL-encoded bearer token as subprotocols", async () => {
    start();
    await vi.runOnlyPendingTimersAsync();
    expect(FakeSocket.all[0].protocols).toEqual(["triage.v1", encodeURIComponent("quarkus-http-upgrade#Authorization#Bearer tok en")]);
  });

  it("resyncs on hello, drops duplicate events, and reconnects and resyncs again after a 4000 close", async () => {
    const live = start();
    await vi.advanceTimersByTimeAsync(0);
    const first = FakeSocket.all[0];
    first.serverSends({ v: 1, type: "hello" });
    expect(live.resyncs()).toBe(1);
    expect(live.statuses.at(-1)).toBe("live");
    first.serverSends(event("e1"));
    first.serverSends(event("e1"));
    first.serverSends(event("e2"));
    expect(live.events).toEqual(["e1", "e2"]);

    first.serverCloses(4000);
    expect(live.statuses.at(-1)).toBe("reconnecting");
    await vi.advanceTimersByTimeAsync(1000);
    expect(FakeSocket.all).toHaveLength(2);
    FakeSocket.all[1].serverSends({ v: 1, type: "hello" });
    expect(live.resyncs()).toBe(2);
    live.connection.stop();
  });

  it("pings, and reconnects when no pong comes back", async () => {
    const live = start();
    await vi.advanceTimersByTimeAsync(0);
    FakeSocket.all[0].serverSends({ v: 1, type: "hello" });
    await vi.advanceTimersByTimeAsync(1000);
    expect(FakeSocket.all[0].sent).toEqual([JSON.stringify({ type: "ping" })]);
    FakeSocket.all[0].serverSends({ v: 1, type: "pong" });
    await vi.advanceTimersByTimeAsync(1000);
    expect(FakeSocket.all[0].closed).toBe(false);
    await vi.advanceTimersByTimeAsync(1000); // second ping unanswered
    expect(FakeSocket.all[0].closed).toBe(true);
    await vi.advanceTimersByTimeAsync(1000);
    expect(FakeSocket.all.length).toBe(2);
    live.connection.stop();
  });
});
