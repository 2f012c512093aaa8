import type { Priority, Ticket } from "../api/types";

export interface TicketEvent {
  v: number;
  type: "ticket.created" | "ticket.triaged" | "ticket.triage-failed" | "ticket.updated";
  eventId: string;
  ticketId: string;
  occurredAt: string;
  ticket: Ticket;
  triage?: {
    category: string | null;
    categoryConfidence: number;
    priority: Priority | null;
    priorityConfidence: number;
    summary: string | null;
    model: string | null;
    source: string | null;
  };
}

export type LiveStatus = "connecting" | "live" | "reconnecting";

export interface LiveHandlers {
  onEvent(event: TicketEvent): void;
  /** Called after every (re)connect once the server said hello: refetch what may have been missed. */
  onResync(): void;
  onStatus(status: LiveStatus): void;
}

export interface LiveOptions {
  url: string;
  token: () => Promise<string | null>;
  handlers: LiveHandlers;
  createSocket?: (url: string, protocols: string[]) => WebSocket;
  /** Application heartbeat: a ping this often, and a reconnect when no pong came back within it. */
  heartbeatMs?: number;
  maxBackoffMs?: number;
}

const SEEN_LIMIT = 2000;

/**
 * The gateway's push connection (protocol triage.v1): authenticates with the token subprotocol, reconnects with
 * capped exponential backoff after any close (4000 = we missed messages), resyncs over REST after each hello and
 * drops duplicate events by id (delivery is at least once).
 */
export class LiveConnection {
  private socket: WebSocket | null = null;
  private attempts = 0;
  private stopped = false;
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  private heartbeatTimer: ReturnType<typeof setInterval> | undefined;
  private awaitingPong = false;
  private readonly seen = new Set<string>();

  constructor(private readonly options: LiveOptions) {}

  start(): void {
    this.stopped = false;
    void this.connect();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.reconnectTimer);
    clearInterval(this.heartbeatTimer);
    this.socket?.close(1000, "bye");
    this.socket = null;
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    this.options.handlers.onStatus(this.attempts === 0 ? "connecting" : "reconnecting");
    const token = await this.options.token();
    if (this.stopped) return;
    if (!token) {
      this.scheduleReconnect();
      return;
    }
    const protocols = ["triage.v1", encodeURIComponent(`quarkus-http-upgrade#Authorization#Bearer ${token}`)];
    const create = this.options.createSocket ?? ((url, p) => new WebSocket(url, p));
    const socket = create(this.options.url, protocols);
    this.socket = socket;
    socket.onmessage = (message) => this.onMessage(message.data);
    socket.onclose = () => {
      if (this.socket !== socket) return;
      clearInterval(this.heartbeatTimer);
      this.socket = null;
      this.scheduleReconnect();
    };
  }

  private onMessage(data: unknown): void {
    if (typeof data !== "string") return;
    let message: { type?: string; eventId?: string };
    try {
      message = JSON.parse(data) as typeof message;
    } catch {
      return;
    }
    if (message.type === "hello") {
      this.attempts = 0;
      this.startHeartbeat();
      this.options.handlers.onStatus("live");
      this.options.handlers.onResync();
      return;
    }
    if (message.type === "pong") {
      this.awaitingPong = false;
      return;
    }
    if (typeof message.type === "string" && message.type.startsWith("ticket.") && message.eventId) {
      if (this.seen.has(message.eventId)) return;
      this.seen.add(message.eventId);
      if (this.seen.size > SEEN_LIMIT) this.seen.delete(this.seen.values().next().value as string);
      this.options.handlers.onEvent(message as TicketEvent);
    }
  }

  private startHeartbeat(): void {
    clearInterval(this.heartbeatTimer);
    this.awaitingPong = false;
    this.heartbeatTimer = setInterval(() => {
      const socket = this.socket;
      if (!socket) return;
      if (this.awaitingPong) {
        // No pong within a whole interval: the connection is dead even if the browser has not noticed.
        socket.close(4001, "heartbeat timeout");
        socket.onclose?.(new CloseEvent("close", { code: 4001 }));
        return;
      }
      this.awaitingPong = true;
      socket.send(JSON.stringify({ type: "ping" }));
    }, this.options.heartbeatMs ?? 25_000);
  }

  private scheduleReconnect(): void {
    if (this.stopped) return;
    this.options.handlers.onStatus("reconnecting");
    const cap = this.options.maxBackoffMs ?? 15_000;
    const delay = Math.min(cap, 500 * 2 ** this.attempts) * (0.75 + Math.random() * 0.5);
    this.attempts += 1;
    this.reconnectTimer = setTimeout(() => void this.connect(), delay);
  }
}
