import type { Outcome, Priority, TicketStatus } from "../api/types";
import { humanize, percent } from "../format";

/** How a value got onto the ticket: the AI's three outcomes, or an agent overriding it. */
export type BadgeOutcome = Outcome | "agent";

const OUTCOME_TEXT: Record<BadgeOutcome, string> = {
  applied: "applied by AI",
  suggested: "AI suggestion",
  abstained: "AI abstained",
  agent: "set by an agent",
};

/** The badge outcome of a ticket field: an agent's value when it differs from what the AI chose. */
export function fieldOutcome(ticketValue: string | null, aiValue: string | null | undefined, aiOutcome: Outcome | null): BadgeOutcome | null {
  if (ticketValue && aiValue !== undefined && ticketValue !== aiValue) return "agent";
  return aiOutcome;
}

interface AiBadgeProps {
  kind: "category" | "priority";
  value: string | null;
  confidence?: number | null;
  outcome?: BadgeOutcome | null;
}

/** A category or priority with how it got there: the AI's confidence and whether it applied, suggested or abstained. */
export function AiBadge({ kind, value, confidence: aiConfidence, outcome }: AiBadgeProps) {
  // the AI's confidence says nothing about a value an agent chose
  const confidence = outcome === "agent" ? null : aiConfidence;
  const label = value ? (kind === "priority" ? humanize(value) : value) : "unset";
  const details = [outcome ? OUTCOME_TEXT[outcome] : null, confidence != null ? `${percent(confidence)} confident` : null]
    .filter(Boolean)
    .join(", ");
  const classes = ["badge", `badge-${kind}`, value ? `value-${value.toLowerCase()}` : "value-none", outcome ? `outcome-${outcome}` : ""];
  return (
    <span className={classes.join(" ")} title={details || undefined} aria-label={`${kind} ${label}${details ? ` (${details})` : ""}`}>
      <span aria-hidden="true">{label}</span>
      {confidence != null && (
        <span className="badge-confidence" aria-hidden="true">
          {percent(confidence)}
        </span>
      )}
      {outcome && outcome !== "applied" && (
        <span className="badge-outcome" aria-hidden="true">
          {outcome === "suggested" ? "?" : outcome === "agent" ? "✓" : "✋"}
        </span>
      )}
    </span>
  );
}

export function PriorityBadge({ priority, ...rest }: { priority: Priority | null } & Omit<AiBadgeProps, "kind" | "value">) {
  return <AiBadge kind="priority" value={priority} {...rest} />;
}

export function StatusBadge({ status }: { status: TicketStatus }) {
  return <span className={`status status-${status.toLowerCase()}`}>{humanize(status)}</span>;
}
