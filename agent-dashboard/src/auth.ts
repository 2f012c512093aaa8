import { InMemoryWebStorage, UserManager, WebStorageStateStore, type User } from "oidc-client-ts";
import type { AppConfig } from "./config";

/**
 * Authorization code + PKCE against Keycloak. Tokens live in memory only (an XSS could read persistent web storage);
 * only the short-lived PKCE verifier of a login in progress goes to sessionStorage, since it must survive the
 * redirect to Keycloak and back. A reload signs in again through Keycloak's SSO session, without the form.
 */
export function createUserManager(config: AppConfig, origin = window.location.origin): UserManager {
  return new UserManager({
    authority: config.authority,
    client_id: config.clientId,
    redirect_uri: `${origin}/`,
    post_logout_redirect_uri: `${origin}/`,
    response_type: "code",
    scope: "openid profile",
    userStore: new WebStorageStateStore({ store: new InMemoryWebStorage() }),
    stateStore: new WebStorageStateStore({ store: window.sessionStorage }),
    automaticSilentRenew: true,
    // Renewal uses the refresh token (no iframe, so no third-party cookie issue).
    accessTokenExpiringNotificationTimeInSeconds: 30,
  });
}

export interface Session {
  user: User;
  username: string;
  roles: string[];
  teams: string[];
}

function decodePayload(token: string): Record<string, unknown> {
  const part = token.split(".")[1] ?? "";
  const json = atob(part.replace(/-/g, "+").replace(/_/g, "/"));
  return JSON.parse(decodeURIComponent(escape(json))) as Record<string, unknown>;
}

export function sessionOf(user: User): Session {
  const claims = decodePayload(user.access_token);
  const realmAccess = claims.realm_access as { roles?: string[] } | undefined;
  const team = claims.team;
  return {
    user,
    username: String(claims.preferred_username ?? user.profile.preferred_username ?? "agent"),
    roles: realmAccess?.roles ?? [],
    teams: Array.isArray(team) ? team.map(String) : team ? [String(team)] : [],
  };
}

/** Finishes a login redirect (code in the URL) or starts one; resolves with the signed-in user. */
export async function signIn(manager: UserManager): Promise<User | null> {
  const url = new URL(window.location.href);
  if (url.searchParams.has("code") && url.searchParams.has("state")) {
    const user = await manager.signinRedirectCallback();
    const returnTo = typeof user.state === "string" && user.state.startsWith("/") ? user.state : "/";
    window.history.replaceState(null, "", returnTo);
    return user;
  }
  if (url.searchParams.has("error")) {
    throw new Error(url.searchParams.get("error_description") ?? url.searchParams.get("error") ?? "login failed");
  }
  const existing = await manager.getUser();
  if (existing && !existing.expired) return existing;
  await manager.signinRedirect({ state: window.location.pathname + window.location.search });
  return null;
}
