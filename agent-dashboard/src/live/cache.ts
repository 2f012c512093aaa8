import type { InfiniteData, QueryClient } from "@tanstack/react-query";
import type { TicketPage } from "../api/types";
import type { TicketEvent } from "./LiveConnection";

export const triageHintKey = (id: string) => ["triage-hint", id] as const;

/**
 * Applies a pushed event to the cache: rows already shown are patched at once (unless the cache holds a newer
 * version), then the lists refetch in the background so that new tickets, filters and ordering follow the server.
 */
export function applyEvent(client: QueryClient, event: TicketEvent): void {
  const incoming = event.ticket;
  if (event.triage) client.setQueryData(triageHintKey(incoming.id), event.triage);
  client.setQueriesData<InfiniteData<TicketPage>>({ queryKey: ["tickets"] }, (data) => {
    if (!data) return data;
    let changed = false;
    const pages = data.pages.map((page) => ({
      ...page,
      items: page.items.map((item) => {
        if (item.id !== incoming.id || Date.parse(item.updatedAt) > Date.parse(incoming.updatedAt)) return item;
        changed = true;
        return { ...item, ...incoming };
      }),
    }));
    return changed ? { ...data, pages } : data;
  });
  refetchListsSoon(client);
  void client.invalidateQueries({ queryKey: ["ticket", incoming.id] });
}

const pending = new WeakMap<QueryClient, ReturnType<typeof setTimeout>>();

/** One list refetch for a burst of events (an import or a flood of tickets), not one per event. */
function refetchListsSoon(client: QueryClient, delayMs = 400): void {
  if (pending.has(client)) return;
  pending.set(
    client,
    setTimeout(() => {
      pending.delete(client);
      void client.invalidateQueries({ queryKey: ["tickets"] });
    }, delayMs),
  );
}

export function resync(client: QueryClient): void {
  void client.invalidateQueries({ queryKey: ["tickets"] });
  void client.invalidateQueries({ queryKey: ["ticket"] });
}
