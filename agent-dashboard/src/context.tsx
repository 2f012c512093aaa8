import { createContext, useContext } from "react";
import type { ApiClient } from "./api/client";
import type { Session } from "./auth";

export interface AppContextValue {
  api: ApiClient;
  session: Session;
  signOut: () => void;
}

export const AppContext = createContext<AppContextValue | null>(null);

export function useApp(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error("AppContext missing");
  return value;
}

export const isAdmin = (session: Session) => session.roles.includes("admin");
