export type Priority = "URGENT" | "HIGH" | "MEDIUM" | "LOW";
export const PRIORITIES: Priority[] = ["URGENT", "HIGH", "MEDIUM", "LOW"];
export type TicketStatus = "PENDING_TRIAGE" | "TRIAGED" | "TRIAGE_FAILED" | "IN_PROGRESS" | "RESOLVED" | "CLOSED";
export const STATUSES: TicketStatus[] = ["PENDING_TRIAGE", "TRIAGED", "TRIAGE_FAILED", "IN_PROGRESS", "RESOLVED", "CLOSED"];
export type SlaState = "NONE" | "ON_TRACK" | "DUE_SOON" | "BREACHED" | "DONE";
export type Outcome = "applied" | "suggested" | "abstained";

export interface Sla {
  firstResponseDueAt: string | null;
  resolutionDueAt: string | null;
  firstRespondedAt: string | null;
  resolvedAt: string | null;
  state: SlaState;
}

export interface Triage {
  category: string | null;
  categoryConfidence: number | null;
  priority: Priority | null;
  priorityConfidence: number | null;
  summary: string | null;
  draftReply: string | null;
  model: string | null;
  source: string | null;
  latencyMs: number;
  createdAt: string;
  rationale: string | null;
  sentiment: string | null;
  language: string | null;
  promptVersion: string | null;
  fieldOutcomes: Record<string, unknown> | null;
  promptTokens: number | null;
  completionTokens: number | null;
  costUsd: number | null;
}

export interface Badges {
  /** What the AI chose, also when it only suggested it. */
  category: string | null;
  categoryConfidence: number | null;
  priority: Priority | null;
  priorityConfidence: number | null;
  fieldOutcomes: Record<string, unknown> | null;
}

export interface Reply {
  id: string;
  body: string;
  origin: "AI_DRAFT_UNCHANGED" | "AI_DRAFT_EDITED" | "SCRATCH";
  author: string;
  createdAt: string;
}

export interface Correction {
  field: string;
  aiValue: string | null;
  agentValue: string | null;
  agent: string;
  createdAt: string;
}

export interface AuditEntry {
  at: string;
  actor: string;
  actorKind: "USER" | "MODEL";
  action: string;
  field: string | null;
  oldValue: string | null;
  newValue: string | null;
}

export interface Ticket {
  id: string;
  subject: string;
  body?: string;
  requester?: { name: string | null; email: string | null };
  channel: string;
  externalRef?: string | null;
  language?: string | null;
  metadata?: Record<string, string> | null;
  status: TicketStatus;
  category: string | null;
  priority: Priority | null;
  team: string | null;
  summary?: string | null;
  assignee?: string | null;
  submittedBy?: string | null;
  version?: number;
  createdAt: string;
  updatedAt: string;
  triagedAt?: string | null;
  sla?: Sla | null;
  /** On list items: the latest triage's confidences and outcomes (all null before any triage). */
  badges?: Badges | null;
  triage?: Triage;
  triageHistory?: Triage[];
  replies?: Reply[];
  corrections?: Correction[];
  audit?: AuditEntry[];
}

export interface TicketPage {
  items: Ticket[];
  nextCursor?: string | null;
}

export interface SimilarTicket {
  id: string;
  subject: string;
  status: TicketStatus;
  category: string | null;
  priority: Priority | null;
  team: string | null;
  createdAt: string;
  similarity: number;
}

export interface Category {
  name: string;
  description: string;
  team: string;
  active: boolean;
}

export interface PriorityPolicy {
  priority: Priority;
  firstResponseMinutes: number;
  resolutionMinutes: number;
  updatedAt: string | null;
}

export type ImportStatus = "RUNNING" | "COMPLETED" | "FAILED";

/** GET /api/admin/imports: newest first; a running import's counts grow while it runs. */
export interface ImportSummary {
  id: string;
  format: string;
  createdBy: string;
  createdAt: string;
  finishedAt: string | null;
  status: ImportStatus;
  error?: string | null;
  rowsRead: number;
  rowsImported: number;
  rowsRejected: number;
}

export interface ImportReport extends ImportSummary {
  categoriesCreated: string[];
  errors: { line: number; message: string }[];
  errorsTruncated: boolean;
}

/** GET /api/insights (contract in the ticket-service). */
export interface Insights {
  from: string;
  to: string;
  volume: { day: string; created: number; triaged: number; triageFailed: number }[];
  timeToTriage: { count: number; p50Ms: number | null; p90Ms: number | null; p99Ms: number | null };
  triagedBy: { localModel: number; llm: number; human: number; abstained: number };
  accuracyByCategory: { category: string; triaged: number; corrected: number; accuracy: number }[];
  llm: { calls: number; promptTokens: number; completionTokens: number; estimatedCostUsd: number };
  drafts: {
    drafted: number;
    repliesSent: number;
    sentUnchanged: number;
    sentEdited: number;
    writtenFromScratch: number;
    acceptanceRate: number | null;
  };
}

/** What the triage model did with one field, from the triage's fieldOutcomes (string or {outcome, ...}). */
export function outcomeOf(triage: Pick<Triage, "fieldOutcomes"> | undefined | null, field: "category" | "priority"): Outcome | null {
  const raw = triage?.fieldOutcomes?.[field];
  const value = typeof raw === "string" ? raw : (raw as { outcome?: unknown } | undefined)?.outcome;
  return value === "applied" || value === "suggested" || value === "abstained" ? value : null;
}

/** Why the AI's outcome for a field is not what its confidence alone gives, as the triage's fieldOutcomes record it. */
export function reasonOf(triage: Pick<Triage, "fieldOutcomes"> | undefined | null, field: "category" | "priority"): string | null {
  const raw = triage?.fieldOutcomes?.[field];
  const reason = typeof raw === "object" && raw !== null ? (raw as { reason?: unknown }).reason : null;
  return reason === "llm_answer_rejected" ? "the language model's answer broke the rules twice: a human decides" : null;
}
