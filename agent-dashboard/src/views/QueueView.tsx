import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { listCategories, listTickets, type QueueFilters } from "../api/endpoints";
import { outcomeOf, PRIORITIES, STATUSES, type Ticket } from "../api/types";
import { AiBadge, fieldOutcome, StatusBadge } from "../components/Badges";
import { Field } from "../components/Field";
import { ProblemMessage } from "../components/Problem";
import { SlaCountdown, useNow } from "../components/Sla";
import { useApp } from "../context";
import { humanize, relative } from "../format";
import { triageHintKey } from "../live/cache";
import type { TicketEvent } from "../live/LiveConnection";
import { Link, navigate, useLocation } from "../router";

const FILTER_KEYS: (keyof QueueFilters)[] = ["status", "team", "category", "priority", "sla", "q"];

function filtersFrom(search: URLSearchParams): QueueFilters {
  const filters: QueueFilters = {};
  for (const key of FILTER_KEYS) {
    const value = search.get(key);
    if (value) filters[key] = value;
  }
  return filters;
}

function useTriageHint(id: string) {
  return useQuery<TicketEvent["triage"] | null>({
    queryKey: triageHintKey(id),
    queryFn: () => null,
    enabled: false,
    staleTime: Infinity,
  }).data;
}

function QueueRow({ ticket, now, selected }: { ticket: Ticket; now: number; selected: boolean }) {
  const hint = useTriageHint(ticket.id);
  const needsHuman = ticket.status === "TRIAGE_FAILED" || (ticket.status === "TRIAGED" && !ticket.category);
  // A live event's triage is the newest word until the list refetches; otherwise the row's own badges.
  const ai = hint ?? ticket.badges;
  const categoryOutcome = hint
    ? fieldOutcome(ticket.category, hint.category, ticket.category ? "applied" : hint.category ? "suggested" : "abstained")
    : fieldOutcome(ticket.category, ticket.badges?.category, outcomeOf(ticket.badges, "category"));
  const priorityOutcome = hint
    ? fieldOutcome(ticket.priority, hint.priority, ticket.priority ? "applied" : hint.priority ? "suggested" : "abstained")
    : fieldOutcome(ticket.priority, ticket.badges?.priority, outcomeOf(ticket.badges, "priority"));
  return (
    <tr className={`${selected ? "selected" : ""} ${ticket.sla?.state === "BREACHED" ? "row-breached" : ""}`} aria-selected={selected}>
      <td>
        <AiBadge kind="priority" value={ticket.priority ?? (priorityOutcome === "suggested" ? ai?.priority ?? null : null)}
          confidence={ai?.priorityConfidence} outcome={priorityOutcome} />
      </td>
      <td className="subject-cell">
        <Link href={`/tickets/${ticket.id}`} className="ticket-link">
          {ticket.subject}
        </Link>
        {needsHuman && <span className="needs-human">needs a human</span>}
      </td>
      <td>
        <AiBadge kind="category" value={ticket.category ?? (categoryOutcome === "suggested" ? ai?.category ?? null : null)}
          confidence={ai?.categoryConfidence} outcome={categoryOutcome} />
      </td>
      <td>
        <StatusBadge status={ticket.status} />
      </td>
      <td>{ticket.team ?? "–"}</td>
      <td>
        <SlaCountdown sla={ticket.sla} now={now} />
      </td>
      <td>
        <time dateTime={ticket.createdAt} title={new Date(ticket.createdAt).toLocaleString()}>
          {relative(ticket.createdAt, now)}
        </time>
      </td>
    </tr>
  );
}

export function QueueView() {
  const { api } = useApp();
  const { search } = useLocation();
  const filters = useMemo(() => filtersFrom(search), [search.toString()]); // eslint-disable-line react-hooks/exhaustive-deps
  const [text, setText] = useState(filters.q ?? "");
  const [selected, setSelected] = useState(0);
  const searchRef = useRef<HTMLInputElement>(null);
  const now = useNow(1000);

  const categories = useQuery({ queryKey: ["categories"], queryFn: () => listCategories(api), staleTime: 60_000 });
  const teams = useMemo(
    () => [...new Set((categories.data ?? []).map((c) => c.team))].sort(),
    [categories.data],
  );
  const tickets = useInfiniteQuery({
    queryKey: ["tickets", filters],
    queryFn: ({ pageParam }) => listTickets(api, filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = useMemo(() => tickets.data?.pages.flatMap((p) => p.items) ?? [], [tickets.data]);

  const setFilter = (key: keyof QueueFilters, value: string) => {
    const next = new URLSearchParams(search);
    if (value) next.set(key, value);
    else next.delete(key);
    const query = next.toString();
    navigate(query ? `/?${query}` : "/", true);
  };

  // Search as the agent types, without a request per keystroke.
  useEffect(() => {
    if ((filters.q ?? "") === text) return;
    const timer = setTimeout(() => setFilter("q", text.trim()), 300);
    return () => clearTimeout(timer);
  }, [text]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      const target = event.target as HTMLElement;
      if (event.key === "/" && !["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName)) {
        event.preventDefault();
        searchRef.current?.focus();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const onTableKey = (event: KeyboardEvent<HTMLTableElement>) => {
    if (rows.length === 0) return;
    if (event.key === "j" || event.key === "ArrowDown") setSelected((s) => Math.min(rows.length - 1, s + 1));
    else if (event.key === "k" || event.key === "ArrowUp") setSelected((s) => Math.max(0, s - 1));
    else if (event.key === "Enter" && rows[selected]) navigate(`/tickets/${rows[selected].id}`);
    else return;
    event.preventDefault();
  };

  const select = (key: keyof QueueFilters, label: string, options: { value: string; label: string }[]) => (
    <Field label={label} className="filter">
      <select value={filters[key] ?? ""} onChange={(e) => setFilter(key, e.target.value)}>
        <option value="">Any</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );

  return (
    <section aria-labelledby="queue-title">
      <div className="view-header">
        <h1 tabIndex={-1} id="queue-title">Queue</h1>
        <p className="hint">
          Most urgent first. <kbd>/</kbd> search, <kbd>j</kbd>/<kbd>k</kbd> move, <kbd>Enter</kbd> open.
        </p>
      </div>
      <form className="filters" role="search" aria-label="Filter tickets" onSubmit={(e) => e.preventDefault()}>
        <Field label="Search" className="filter filter-search">
          <input ref={searchRef} type="search" value={text} placeholder="Words in subject or body"
            onChange={(e) => setText(e.target.value)} />
        </Field>
        {select("status", "Status", STATUSES.map((s) => ({ value: s, label: humanize(s) })))}
        {select("priority", "Priority", PRIORITIES.map((p) => ({ value: p, label: humanize(p) })))}
        {select("sla", "SLA", [
          { value: "due-soon", label: "Due soon" },
          { value: "breached", label: "Breached" },
        ])}
        {select("team", "Team", teams.map((t) => ({ value: t, label: t })))}
        {select("category", "Category", (categories.data ?? []).filter((c) => c.active).map((c) => ({ value: c.name, label: c.name })))}
        {Object.keys(filters).length > 0 && (
          <button type="button" className="link-button" onClick={() => { setText(""); navigate("/", true); }}>
            Clear filters
          </button>
        )}
      </form>
      {tickets.isPending && <p className="loading" role="status">Loading tickets…</p>}
      {tickets.isError && <ProblemMessage error={tickets.error} onRetry={() => void tickets.refetch()} />}
      {tickets.isSuccess && rows.length === 0 && <p className="empty">No tickets match these filters.</p>}
      {rows.length > 0 && (
        <table className="queue" aria-label="Ticket queue" tabIndex={0} onKeyDown={onTableKey}>
          <thead>
            <tr>
              <th scope="col">Priority</th>
              <th scope="col">Subject</th>
              <th scope="col">Category</th>
              <th scope="col">Status</th>
              <th scope="col">Team</th>
              <th scope="col">SLA</th>
              <th scope="col">Created</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((ticket, index) => (
              <QueueRow key={ticket.id} ticket={ticket} now={now} selected={index === selected} />
            ))}
          </tbody>
        </table>
      )}
      {tickets.hasNextPage && (
        <button type="button" onClick={() => void tickets.fetchNextPage()} disabled={tickets.isFetchingNextPage}>
          {tickets.isFetchingNextPage ? "Loading…" : "Load more"}
        </button>
      )}
    </section>
  );
}
