import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { ApiError } from "../api/client";
import { getTicket, listCategories, patchTicket, sendReply, similarTickets, type TicketWithEtag } from "../api/endpoints";
import { outcomeOf, PRIORITIES, reasonOf, type Reply, type Ticket } from "../api/types";
import { AiBadge, fieldOutcome, StatusBadge } from "../components/Badges";
import { Field } from "../components/Field";
import { ProblemMessage } from "../components/Problem";
import { SlaCountdown, useNow } from "../components/Sla";
import { useApp } from "../context";
import { dateTime, humanize, percent } from "../format";
import { Link } from "../router";

const ORIGIN_TEXT: Record<Reply["origin"], string> = {
  AI_DRAFT_UNCHANGED: "AI draft, sent unchanged",
  AI_DRAFT_EDITED: "AI draft, edited",
  SCRATCH: "written from scratch",
};

function Corrections({ ticket, etag }: TicketWithEtag) {
  const { api } = useApp();
  const client = useQueryClient();
  const categories = useQuery({ queryKey: ["categories"], queryFn: () => listCategories(api), staleTime: 60_000 });
  const [category, setCategory] = useState(ticket.category ?? "");
  const [learned, setLearned] = useState<string | null>(null);
  useEffect(() => setCategory(ticket.category ?? ""), [ticket.category]);

  const mutation = useMutation({
    mutationFn: (patch: Record<string, string>) => patchTicket(api, ticket.id, etag, patch),
    onSuccess: (result, patch) => {
      client.setQueryData(["ticket", ticket.id], result);
      void client.invalidateQueries({ queryKey: ["tickets"] });
      const field = Object.keys(patch)[0];
      const before = ticket.corrections?.length ?? 0;
      const after = result.ticket.corrections?.length ?? 0;
      setLearned(
        after > before
          ? `Learned: the triage model now counts this ticket as ${field} “${patch[field]}”. It uses your correction from the very next ticket.`
          : `Saved: ${field} is now “${patch[field]}”.`,
      );
    },
    onError: (error) => {
      setLearned(null);
      if (error instanceof ApiError && error.status === 412) void client.invalidateQueries({ queryKey: ["ticket", ticket.id] });
    },
  });
  const ai = ticket.triage;
  return (
    <section className="card" aria-labelledby="correct-title">
      <h2 id="correct-title">Correct the triage</h2>
      <form className="inline-form" onSubmit={(e) => { e.preventDefault(); if (category) mutation.mutate({ category }); }}>
        <Field label="Category">
          <select value={category} onChange={(e) => setCategory(e.target.value)}>
            <option value="" disabled>Choose…</option>
            {(categories.data ?? []).filter((c) => c.active || c.name === ticket.category).map((c) => (
              <option key={c.name} value={c.name}>{c.name} ({c.team})</option>
            ))}
          </select>
        </Field>
        <button type="submit" disabled={!category || category === ticket.category || mutation.isPending}>
          Set category
        </button>
      </form>
      <div className="priority-buttons" role="group" aria-label="Set priority">
        {PRIORITIES.map((p) => (
          <button key={p} type="button" aria-pressed={ticket.priority === p} className={`value-${p.toLowerCase()}`}
            disabled={mutation.isPending || ticket.priority === p} onClick={() => mutation.mutate({ priority: p })}>
            {humanize(p)}
          </button>
        ))}
      </div>
      {ai && <p className="hint">AI chose {ai.category ?? "no category"} / {humanize(ai.priority)}; a different value is recorded as a correction.</p>}
      {learned && <p className="learned" role="status">{learned}</p>}
      {mutation.isError && <ProblemMessage error={mutation.error} />}
    </section>
  );
}

const NEXT_STEPS: Partial<Record<Ticket["status"], { status: string; label: string }[]>> = {
  PENDING_TRIAGE: [{ status: "IN_PROGRESS", label: "Take it" }],
  TRIAGED: [{ status: "IN_PROGRESS", label: "Take it" }],
  TRIAGE_FAILED: [{ status: "IN_PROGRESS", label: "Take it" }],
  IN_PROGRESS: [{ status: "RESOLVED", label: "Resolve" }],
  RESOLVED: [{ status: "CLOSED", label: "Close" }, { status: "IN_PROGRESS", label: "Reopen" }],
  CLOSED: [{ status: "IN_PROGRESS", label: "Reopen" }],
};

/** The ticket's lifecycle moves an agent may make (the service enforces the same rules). */
function Workflow({ ticket, etag }: TicketWithEtag) {
  const { api, session } = useApp();
  const client = useQueryClient();
  const mutation = useMutation({
    mutationFn: (status: string) =>
      patchTicket(api, ticket.id, etag, status === "IN_PROGRESS" ? { status, assignee: session.username } : { status }),
    onSuccess: (result) => {
      client.setQueryData(["ticket", ticket.id], result);
      void client.invalidateQueries({ queryKey: ["tickets"] });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 412) void client.invalidateQueries({ queryKey: ["ticket", ticket.id] });
    },
  });
  return (
    <div className="actions" role="group" aria-label="Work on this ticket">
      {(NEXT_STEPS[ticket.status] ?? []).map((step) => (
        <button key={step.status} type="button" disabled={mutation.isPending} onClick={() => mutation.mutate(step.status)}>
          {step.label}
        </button>
      ))}
      {mutation.isError && <ProblemMessage error={mutation.error} />}
    </div>
  );
}

function ReplyComposer({ ticket }: { ticket: Ticket }) {
  const { api } = useApp();
  const client = useQueryClient();
  const draft = ticket.triage?.draftReply ?? "";
  const [body, setBody] = useState(draft);
  const [fromDraft, setFromDraft] = useState(draft.length > 0);
  const [sent, setSent] = useState<Reply | null>(null);
  const mutation = useMutation({
    mutationFn: () => sendReply(api, ticket.id, body, fromDraft ? "AI_DRAFT" : "SCRATCH"),
    onSuccess: ({ body: reply }) => {
      setSent(reply as Reply);
      setBody("");
      setFromDraft(false);
      void client.invalidateQueries({ queryKey: ["ticket", ticket.id] });
    },
  });
  return (
    <section className="card" aria-labelledby="reply-title">
      <h2 id="reply-title">Reply to {ticket.requester?.name ?? "the requester"}</h2>
      {draft && fromDraft && <p className="hint">Drafted by the AI: check it, edit it, send it.</p>}
      <form onSubmit={(e) => { e.preventDefault(); if (body.trim()) mutation.mutate(); }}>
        <Field label="Reply" className="field stacked">
          <textarea rows={8} value={body} onChange={(e) => setBody(e.target.value)} />
        </Field>
        <div className="actions">
          <button type="submit" className="primary" disabled={!body.trim() || mutation.isPending}>
            {mutation.isPending ? "Sending…" : "Send reply"}
          </button>
          {draft && (
            <button type="button" onClick={() => { setBody(draft); setFromDraft(true); }}>Restore AI draft</button>
          )}
          <button type="button" onClick={() => { setBody(""); setFromDraft(false); }}>Start from scratch</button>
        </div>
      </form>
      {sent && <p className="learned" role="status">Reply sent ({ORIGIN_TEXT[sent.origin]}).</p>}
      {mutation.isError && <ProblemMessage error={mutation.error} />}
    </section>
  );
}

function Similar({ id }: { id: string }) {
  const { api } = useApp();
  const similar = useQuery({ queryKey: ["similar", id], queryFn: () => similarTickets(api, id) });
  return (
    <section className="card" aria-labelledby="similar-title">
      <h2 id="similar-title">Similar tickets</h2>
      {similar.isPending && <p className="loading">Looking for similar tickets…</p>}
      {similar.isError && <ProblemMessage error={similar.error} />}
      {similar.data?.length === 0 && <p className="empty">Nothing similar yet.</p>}
      <ul className="similar">
        {similar.data?.map((s) => (
          <li key={s.id}>
            <Link href={`/tickets/${s.id}`}>{s.subject}</Link>{" "}
            <span className="muted">{s.category ?? "uncategorised"} · {humanize(s.status)} · {percent(s.similarity)} similar</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function History({ ticket }: { ticket: Ticket }) {
  return (
    <section className="card" aria-labelledby="history-title">
      <h2 id="history-title">History</h2>
      <table className="history" aria-label="Audit trail">
        <thead>
          <tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">What</th></tr>
        </thead>
        <tbody>
          {(ticket.audit ?? []).map((a, i) => (
            <tr key={`${a.at}-${i}`}>
              <td>{dateTime(a.at)}</td>
              <td>{a.actor} {a.actorKind === "MODEL" && <span className="muted">(model)</span>}</td>
              <td>
                {a.action}
                {a.field && <> {a.field}: {a.oldValue ?? "–"} → {a.newValue ?? "–"}</>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {(ticket.triageHistory?.length ?? 0) > 0 && (
        <>
          <h3>Triage runs</h3>
          <ol className="triage-runs">
            {ticket.triageHistory!.map((t) => (
              <li key={t.createdAt}>
                {dateTime(t.createdAt)}: {t.category ?? "no category"} ({percent(t.categoryConfidence)}), {humanize(t.priority)} (
                {percent(t.priorityConfidence)}) by {t.model ?? "?"} [{t.source ?? "?"}], {t.latencyMs} ms
              </li>
            ))}
          </ol>
        </>
      )}
      {(ticket.corrections?.length ?? 0) > 0 && (
        <>
          <h3>Corrections the model learned from</h3>
          <ul>
            {ticket.corrections!.map((c) => (
              <li key={`${c.field}-${c.createdAt}`}>
                {c.field}: AI {c.aiValue ?? "–"} → {c.agentValue ?? "–"} by {c.agent}, {dateTime(c.createdAt)}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

export function TicketView({ id }: { id: string }) {
  const { api } = useApp();
  const now = useNow(1000);
  const query = useQuery({ queryKey: ["ticket", id], queryFn: () => getTicket(api, id) });
  if (query.isPending) return <p className="loading" role="status">Loading ticket…</p>;
  if (query.isError) return <ProblemMessage error={query.error} onRetry={() => void query.refetch()} />;
  const { ticket } = query.data;
  const ai = ticket.triage;
  return (
    <article className="ticket" aria-labelledby="ticket-title">
      <p><Link href="/">← Back to the queue</Link></p>
      <header className="ticket-header">
        <h1 tabIndex={-1} id="ticket-title" className="ticket-subject">{ticket.subject}</h1>
        <div className="ticket-meta">
          <StatusBadge status={ticket.status} />
          <AiBadge kind="priority" value={ticket.priority ?? ai?.priority ?? null} confidence={ai?.priorityConfidence}
            outcome={fieldOutcome(ticket.priority, ai ? ai.priority : undefined, outcomeOf(ai, "priority"))} />
          <AiBadge kind="category" value={ticket.category ?? ai?.category ?? null} confidence={ai?.categoryConfidence}
            outcome={fieldOutcome(ticket.category, ai ? ai.category : undefined, outcomeOf(ai, "category"))} />
          <span>Team: {ticket.team ?? "unassigned"}</span>
          <SlaCountdown sla={ticket.sla} now={now} />
        </div>
        <p className="muted">
          From {ticket.requester?.name ?? "unknown"} &lt;{ticket.requester?.email ?? "no email"}&gt; via {humanize(ticket.channel)},{" "}
          {dateTime(ticket.createdAt)}{ticket.assignee ? `, assigned to ${ticket.assignee}` : ""}
        </p>
        <Workflow ticket={ticket} etag={query.data.etag} />
      </header>
      <div className="ticket-grid">
        <div className="ticket-main">
          <section className="card" aria-labelledby="body-title">
            <h2 id="body-title">Message</h2>
            <div className="ticket-body" data-testid="ticket-body">{ticket.body}</div>
          </section>
          <ReplyComposer key={`${ticket.id}-${ai?.createdAt ?? "none"}`} ticket={ticket} />
          {(ticket.replies?.length ?? 0) > 0 && (
            <section className="card" aria-labelledby="replies-title">
              <h2 id="replies-title">Replies sent</h2>
              <ul className="replies">
                {ticket.replies!.map((r) => (
                  <li key={r.id}>
                    <div className="muted">{r.author}, {dateTime(r.createdAt)} · {ORIGIN_TEXT[r.origin]}</div>
                    <div className="reply-body">{r.body}</div>
                  </li>
                ))}
              </ul>
            </section>
          )}
          <History ticket={ticket} />
        </div>
        <aside className="ticket-side">
          <section className="card" aria-labelledby="ai-title">
            <h2 id="ai-title">AI triage</h2>
            {!ai && <p className="empty">{ticket.status === "PENDING_TRIAGE" ? "Triage in progress…" : "No triage result."}</p>}
            {ai && (
              <dl className="ai">
                <dt>Summary</dt><dd>{ai.summary ?? ticket.summary ?? "–"}</dd>
                {ai.rationale && (<><dt>Rationale</dt><dd>{ai.rationale}</dd></>)}
                <dt>Category</dt><dd>{ai.category ?? "–"} · {percent(ai.categoryConfidence)} · {outcomeOf(ai, "category") ?? "–"}{reasonOf(ai, "category") && <> ({reasonOf(ai, "category")})</>}</dd>
                <dt>Priority</dt><dd>{humanize(ai.priority)} · {percent(ai.priorityConfidence)} · {outcomeOf(ai, "priority") ?? "–"}{reasonOf(ai, "priority") && <> ({reasonOf(ai, "priority")})</>}</dd>
                <dt>Sentiment</dt><dd>{ai.sentiment ? humanize(ai.sentiment) : "–"}</dd>
                <dt>Language</dt><dd>{ai.language ?? "–"}</dd>
                <dt>Model</dt><dd>{ai.model ?? "–"} ({ai.source?.toLowerCase() === "llm" ? "language model" : "local model"}), {ai.latencyMs} ms</dd>
              </dl>
            )}
          </section>
          <Corrections ticket={ticket} etag={query.data.etag} />
          <Similar id={ticket.id} />
        </aside>
      </div>
    </article>
  );
}
