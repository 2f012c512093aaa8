/** Runtime settings, read from config.json next to index.html so one static build serves every environment. */
export interface AppConfig {
  /** OIDC issuer (Keycloak realm URL). */
  authority: string;
  clientId: string;
  /** Base URL of ticket-service's REST API (without /api). */
  apiBase: string;
  /** The gateway's WebSocket URL. */
  wsUrl: string;
}

export function defaultConfig(origin: string): AppConfig {
  const ws = origin.replace(/^http/, "ws");
  return {
    authority: `${origin}/realms/triage`,
    clientId: "agent-dashboard",
    apiBase: origin,
    wsUrl: `${ws}/ws/tickets`,
  };
}

/** Values missing from config.json (or the whole file) fall back to the page's own origin. */
export async function loadConfig(origin = window.location.origin): Promise<AppConfig> {
  const defaults = defaultConfig(origin);
  try {
    const response = await fetch("/config.json", { cache: "no-store" });
    if (!response.ok) return defaults;
    const loaded = (await response.json()) as Partial<AppConfig>;
    const merged = { ...defaults };
    for (const key of Object.keys(defaults) as (keyof AppConfig)[]) {
      const value = loaded[key];
      if (typeof value === "string" && value.length > 0) merged[key] = new URL(value, origin).toString().replace(/\/$/, "");
    }
    merged.clientId = typeof loaded.clientId === "string" && loaded.clientId ? loaded.clientId : defaults.clientId;
    return merged;
  } catch {
    return defaults;
  }
}
