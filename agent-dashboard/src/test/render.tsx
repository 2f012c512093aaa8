import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import type { ReactNode } from "react";
import type { ApiClient } from "../api/client";
import { createApiClient } from "../api/client";
import type { Session } from "../auth";
import { AppContext } from "../context";

export const agentSession = (roles = ["agent"]): Session =>
  ({ user: {} as Session["user"], username: "agent", roles, teams: ["billing"] });

/** Renders with a real API client whose fetch is the given function (a fake server, not a mock of our code). */
export function renderWithApp(ui: ReactNode, options: { fetch: typeof fetch; roles?: string[] }) {
  globalThis.fetch = options.fetch;
  const api: ApiClient = createApiClient("http://test", () => "token", () => {});
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const result = render(
    <QueryClientProvider client={client}>
      <AppContext.Provider value={{ api, session: agentSession(options.roles), signOut: () => {} }}>{ui}</AppContext.Provider>
    </QueryClientProvider>,
  );
  return { ...result, client };
}

export const json = (body: unknown, init: ResponseInit = {}) =>
  new Response(JSON.stringify(body), { status: 200, headers: { "Content-Type": "application/json" }, ...init });

/** A fake server: the first route whose pattern matches method+path answers. */
export function routes(table: [RegExp, (req: Request) => Response | Promise<Response>][]): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const key = `${request.method} ${url.pathname}${url.search}`;
    for (const [pattern, handler] of table) {
      if (pattern.test(key)) return handler(request);
    }
    return json({ title: "Not Found", status: 404, detail: `no route for ${key}` }, { status: 404, headers: { "Content-Type": "application/problem+json" } });
  };
}
