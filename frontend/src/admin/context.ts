import { createContext, useContext } from "react";
import type { Api } from "../shared/api";

export const ApiContext = createContext<Api | null>(null);

export function useApi(): Api {
  const api = useContext(ApiContext);
  if (!api) throw new Error("No API");
  return api;
}

export type TenantStatus = "PROVISIONING" | "ACTIVE" | "SUSPENDED" | "FAILED" | "DELETED";

export interface Tenant {
  id: string;
  slug: string;
  name: string;
  adminEmail: string;
  status: TenantStatus;
  schema: string;
  settings: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
}
