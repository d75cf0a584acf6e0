import { createContext, useContext } from "react";
import type { Api } from "../shared/api";
import type * as Schemas from "../shared/api-types.gen";

export const ApiContext = createContext<Api | null>(null);

export function useApi(): Api {
  const api = useContext(ApiContext);
  if (!api) throw new Error("No API");
  return api;
}

export type TenantStatus = Schemas.TenantStatus;

export type QuotaName = Extract<keyof Schemas.QuotaLimits, string>;

export type Tenant = Schemas.Tenant;
