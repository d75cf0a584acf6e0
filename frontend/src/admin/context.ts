import { createContext, useContext } from "react";
import type { Api } from "../shared/api";
import type { Auth } from "../shared/auth";
import type * as Schemas from "../shared/api-types.gen";

/** The signed-in platform administrator: the API as them, their login, their name. */
export interface ConsoleSession {
  api: Api;
  auth: Auth;
  name: string;
}

export const ConsoleContext = createContext<ConsoleSession | null>(null);

export function useConsole(): ConsoleSession {
  const session = useContext(ConsoleContext);
  if (!session) throw new Error("No console session");
  return session;
}

export function useApi(): Api {
  return useConsole().api;
}

export type TenantStatus = Schemas.TenantStatus;

export type QuotaName = Extract<keyof Schemas.QuotaLimits, string>;

export type Tenant = Schemas.Tenant;
