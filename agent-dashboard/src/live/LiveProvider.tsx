import { useQueryClient } from "@tanstack/react-query";
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from "react";
import { applyEvent, resync } from "./cache";
import { LiveConnection, type LiveStatus, type TicketEvent } from "./LiveConnection";

export interface Notice {
  id: string;
  ticketId: string;
  subject: string;
  text: string;
}

interface LiveContextValue {
  status: LiveStatus;
  notices: Notice[];
  dismiss: (id: string) => void;
}

const LiveContext = createContext<LiveContextValue>({ status: "connecting", notices: [], dismiss: () => {} });

export const useLive = () => useContext(LiveContext);

/** Whether an event deserves to interrupt the agent: an urgent ticket arriving or becoming urgent. */
export function isUrgentNews(event: TicketEvent): boolean {
  return event.ticket.priority === "URGENT" && (event.type === "ticket.triaged" || event.type === "ticket.created");
}

export function LiveProvider({ url, token, children }: { url: string; token: () => Promise<string | null>; children: ReactNode }) {
  const client = useQueryClient();
  const [status, setStatus] = useState<LiveStatus>("connecting");
  const [notices, setNotices] = useState<Notice[]>([]);
  const tokenRef = useRef(token);
  tokenRef.current = token;

  useEffect(() => {
    const connection = new LiveConnection({
      url,
      token: () => tokenRef.current(),
      handlers: {
        onStatus: setStatus,
        onResync: () => resync(client),
        onEvent: (event) => {
          applyEvent(client, event);
          if (isUrgentNews(event)) {
            setNotices((current) =>
              [
                { id: event.eventId, ticketId: event.ticket.id, subject: event.ticket.subject, text: "Urgent ticket" },
                ...current,
              ].slice(0, 5),
            );
          }
        },
      },
    });
    connection.start();
    return () => connection.stop();
  }, [client, url]);

  const dismiss = useCallback((id: string) => setNotices((current) => current.filter((n) => n.id !== id)), []);
  return <LiveContext.Provider value={{ status, notices, dismiss }}>{children}</LiveContext.Provider>;
}
