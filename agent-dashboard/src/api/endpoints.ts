import type { ApiClient } from "./client";
import { ApiError, problemOf } from "./client";
import type {
  Category,
  ImportReport,
  ImportSummary,
  Insights,
  PriorityPolicy,
  SimilarTicket,
  Ticket,
  TicketPage,
} from "./types";

export interface QueueFilters {
  status?: string;
  team?: string;
  category?: string;
  priority?: string;
  sla?: string;
  q?: string;
}

export function queueQuery(filters: QueueFilters, cursor?: string): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value) params.set(key, value);
  }
  params.set("limit", "50");
  if (cursor) params.set("cursor", cursor);
  return `/api/tickets?${params.toString()}`;
}

export const listTickets = (api: ApiClient, filters: QueueFilters, cursor?: string) =>
  api.get<TicketPage>(queueQuery(filters, cursor));

export interface TicketWithEtag {
  ticket: Ticket;
  etag: string;
}

export async function getTicket(api: ApiClient, id: string): Promise<TicketWithEtag> {
  const { body, response } = await api.request<Ticket>(`/api/tickets/${encodeURIComponent(id)}`);
  return { ticket: body, etag: response.headers.get("ETag") ?? `"${body.version ?? ""}"` };
}

export async function patchTicket(
  api: ApiClient,
  id: string,
  etag: string,
  patch: Record<string, string | null>,
): Promise<TicketWithEtag> {
  const { body, response } = await api.request<Ticket>(`/api/tickets/${encodeURIComponent(id)}`, {
    method: "PATCH",
    headers: { "Content-Type": "application/merge-patch+json", "If-Match": etag },
    body: JSON.stringify(patch),
  });
  return { ticket: body, etag: response.headers.get("ETag") ?? etag };
}

export const sendReply = (api: ApiClient, id: string, body: string, startedFrom: "AI_DRAFT" | "SCRATCH") =>
  api.request(`/api/tickets/${encodeURIComponent(id)}/replies`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ body, startedFrom }),
  });

export const similarTickets = (api: ApiClient, id: string) =>
  api.get<SimilarTicket[]>(`/api/tickets/${encodeURIComponent(id)}/similar?limit=5`);

export const listCategories = (api: ApiClient) => api.get<Category[]>("/api/admin/categories");

export const saveCategory = (api: ApiClient, category: Category, isNew: boolean) =>
  isNew
    ? api.request<Category>("/api/admin/categories", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(category),
      })
    : api.request<Category>(`/api/admin/categories/${encodeURIComponent(category.name)}`, {
        method: "PUT",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ description: category.description, team: category.team, active: category.active }),
      });

export const listPriorities = (api: ApiClient) => api.get<PriorityPolicy[]>("/api/admin/priorities");

export const savePriority = (api: ApiClient, policy: PriorityPolicy) =>
  api.request<PriorityPolicy>(`/api/admin/priorities/${encodeURIComponent(policy.priority)}`, {
    method: "PUT",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({
      firstResponseMinutes: policy.firstResponseMinutes,
      resolutionMinutes: policy.resolutionMinutes,
    }),
  });

export const listImports = (api: ApiClient, limit = 10) => api.get<ImportSummary[]>(`/api/admin/imports?limit=${limit}`);

export const getInsights = (api: ApiClient) => api.get<Insights>("/api/insights");

/**
 * Uploads labelled history with XMLHttpRequest, the one browser API that reports upload progress.
 * The import itself streams on the server, so the upload's progress is the import's progress.
 */
export function uploadImport(
  api: ApiClient,
  file: File,
  options: { createCategories: boolean; team: string },
  onProgress: (fraction: number) => void,
): Promise<ImportReport> {
  const params = new URLSearchParams();
  if (options.createCategories) {
    params.set("createCategories", "true");
    params.set("team", options.team);
  }
  const type = /\.(ndjson|jsonl)$/i.test(file.name) ? "application/x-ndjson" : "text/csv";
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `${api.base}/api/admin/imports?${params.toString()}`);
    xhr.setRequestHeader("Content-Type", type);
    const token = api.token();
    if (token) xhr.setRequestHeader("Authorization", `Bearer ${token}`);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onerror = () => reject(new ApiError(0, "Network error", "The upload did not reach the server."));
    xhr.onload = async () => {
      const response = new Response(xhr.responseText, {
        status: xhr.status,
        headers: { "Content-Type": xhr.getResponseHeader("Content-Type") ?? "application/json" },
      });
      if (xhr.status >= 200 && xhr.status < 300) resolve((await response.json()) as ImportReport);
      else reject(await problemOf(response));
    };
    xhr.send(file);
  });
}
