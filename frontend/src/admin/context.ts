import { createContext, useContext } from "react";
import type { Api } from "../shared/api";

export const ApiContext = createContext<Api | null>(null);

export function useApi(): Api {
  const api = useContext(ApiContext);
  if (!api) throw new Error("No API");
  return api;
}

export type TenantStatus = "PROVISIONING" | "ACTIVE" | "SUSPENDED" | "FAILED" | "DELETED";

export type QuotaName = "maxUsers" | "maxWorkspaces" | "maxStorageBytes" | "maxPlugins";

export interface Tenant {
  id: string;
  slug: string;
  name: string;
  adminEmail: string;
  status: TenantStatus;
  schema: string;
  settings: Record<string, unknown>;
  /** maxUsers, maxWorkspaces, maxStorageBytes, maxPlugins; absent: no limit. */
  quotas: Partial<Record<QuotaName, number>>;
  createdAt: string;
  updatedAt: string;
}
