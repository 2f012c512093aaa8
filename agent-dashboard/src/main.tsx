import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import type { User } from "oidc-client-ts";
import { StrictMode, useMemo, useState, useEffect } from "react";
import { createRoot } from "react-dom/client";
import { createApiClient } from "./api/client";
import { App } from "./App";
import { createUserManager, sessionOf, signIn } from "./auth";
import { loadConfig } from "./config";
import { AppContext } from "./context";
import { LiveProvider } from "./live/LiveProvider";
import "./styles.css";

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 5_000,
      // 4xx answers are final (a problem to show), only transport errors and 5xx are worth a retry.
      retry: (count, error) => count < 2 && !((error as { status?: number }).status! >= 400 && (error as { status?: number }).status! < 500),
    },
  },
});

async function boot() {
  const root = createRoot(document.getElementById("root")!);
  root.render(<p className="loading boot">Signing in…</p>);
  const config = await loadConfig();
  const manager = createUserManager(config);
  let user: User | null;
  try {
    user = await signIn(manager);
  } catch (error) {
    root.render(
      <div className="boot problem" role="alert">
        <strong>Sign-in failed.</strong> {error instanceof Error ? error.message : String(error)}{" "}
        <a href="/">Try again</a>
      </div>,
    );
    return;
  }
  if (!user) return; // redirecting to Keycloak

  function Root({ initial }: { initial: User }) {
    const [current, setCurrent] = useState(initial);
    useEffect(() => {
      const loaded = (u: User) => setCurrent(u);
      manager.events.addUserLoaded(loaded);
      manager.events.addSilentRenewError(() => void manager.signinRedirect({ state: window.location.pathname }));
      return () => manager.events.removeUserLoaded(loaded);
    }, []);
    const tokenRef = useMemo(() => ({ current }), []); // eslint-disable-line react-hooks/exhaustive-deps
    tokenRef.current = current;
    const value = useMemo(() => {
      const api = createApiClient(
        config.apiBase,
        () => tokenRef.current.access_token,
        () => void manager.signinSilent().catch(() => manager.signinRedirect({ state: window.location.pathname })),
      );
      return { api, session: sessionOf(current), signOut: () => void manager.signoutRedirect() };
    }, [current, tokenRef]);
    const freshToken = useMemo(
      () => async () => {
        const u = await manager.getUser();
        if (u && u.expires_in !== undefined && u.expires_in < 20) {
          return (await manager.signinSilent().catch(() => null))?.access_token ?? null;
        }
        return u?.access_token ?? null;
      },
      [],
    );
    return (
      <AppContext.Provider value={value}>
        <LiveProvider url={config.wsUrl} token={freshToken}>
          <App />
        </LiveProvider>
      </AppContext.Provider>
    );
  }

  root.render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <Root initial={user} />
      </QueryClientProvider>
    </StrictMode>,
  );
}

void boot();
