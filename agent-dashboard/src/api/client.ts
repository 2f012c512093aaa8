/** An RFC 9457 problem (or a transport failure shaped like one), shown to agents as is. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    readonly errors: { field: string; message: string }[] = [],
  ) {
    super(detail ? `${title}: ${detail}` : title);
  }
}

export interface ApiClient {
  request<T>(path: string, init?: RequestInit): Promise<{ body: T; response: Response }>;
  get<T>(path: string): Promise<T>;
  token(): string | null;
  base: string;
}

export async function problemOf(response: Response): Promise<ApiError> {
  let title = response.statusText || `HTTP ${response.status}`;
  let detail: string | undefined;
  let errors: { field: string; message: string }[] = [];
  try {
    const body = (await response.json()) as { title?: string; detail?: string; errors?: typeof errors };
    title = body.title ?? title;
    detail = body.detail;
    errors = Array.isArray(body.errors) ? body.errors : [];
  } catch {
    // not a problem document: keep the status line
  }
  return new ApiError(response.status, title, detail, errors);
}

export function createApiClient(base: string, token: () => string | null, onUnauthorized: () => void): ApiClient {
  async function request<T>(path: string, init: RequestInit = {}) {
    const headers = new Headers(init.headers);
    const bearer = token();
    if (bearer) headers.set("Authorization", `Bearer ${bearer}`);
    if (!headers.has("Accept")) headers.set("Accept", "application/json, application/problem+json");
    let response: Response;
    try {
      response = await fetch(`${base}${path}`, { ...init, headers });
    } catch {
      throw new ApiError(0, "Network error", "The server could not be reached. Check your connection.");
    }
    if (response.status === 401) onUnauthorized();
    if (!response.ok) throw await problemOf(response);
    const text = response.status === 204 ? "" : await response.text();
    return { body: (text ? JSON.parse(text) : undefined) as T, response };
  }
  return {
    base,
    token,
    request,
    get: async <T,>(path: string) => (await request<T>(path)).body,
  };
}
