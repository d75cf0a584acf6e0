import { queryOptions } from "@tanstack/react-query";
import type { Api, Page } from "../shared/api";
import type * as Schemas from "../shared/api-types.gen";
import type { Tenant } from "./context";

/*
 * What the console reads: per resource, its query keys and how it is fetched, written once so that
 * the page that reads and the one that invalidates cannot drift. Lists and single items have roots
 * of their own: refreshing the list after a deletion must not ask for the deleted item again.
 */

export const registryKeys = {
  all: ["registry"] as const,
  one: (pluginId: string) => ["registry", pluginId] as const,
};

export const registryQueries = {
  list: (api: Api) =>
    queryOptions({ queryKey: registryKeys.all, queryFn: () => api<Schemas.RegisteredPlugin[]>("/admin/plugins") }),
  one: (api: Api, pluginId: string) =>
    queryOptions({
      queryKey: registryKeys.one(pluginId),
      queryFn: () => api<Schemas.RegisteredPlugin>(`/admin/plugins/${pluginId}`),
    }),
};

export const tenantKeys = {
  lists: ["tenants"] as const,
  one: (id: string) => ["tenant", id] as const,
  provisioning: (id: string) => ["tenant", id, "provisioning"] as const,
  usage: (id: string) => ["tenant", id, "usage"] as const,
  invitations: (id: string) => ["tenant", id, "invitations"] as const,
  databaseMoves: (id: string) => ["tenant", id, "database-moves"] as const,
  identityMoves: (id: string) => ["tenant", id, "identity-moves"] as const,
};

export const tenantQueries = {
  page: (api: Api, filter: { q: string; status: string; page: number; size: number }) =>
    queryOptions({
      queryKey: [...tenantKeys.lists, filter] as const,
      queryFn: () => api<Page<Tenant>>("/tenants", { query: filter }),
    }),
  one: (api: Api, id: string) =>
    queryOptions({ queryKey: tenantKeys.one(id), queryFn: () => api<Tenant>(`/tenants/${id}`) }),
  provisioning: (api: Api, id: string) =>
    queryOptions({
      queryKey: tenantKeys.provisioning(id),
      queryFn: () => api<Schemas.Provisioning>(`/tenants/${id}/provisioning`),
    }),
  usage: (api: Api, id: string) =>
    queryOptions({
      queryKey: tenantKeys.usage(id),
      queryFn: () => api<Schemas.TenantUsageReport>(`/admin/analytics/tenants/${id}`),
    }),
  invitations: (api: Api, id: string) =>
    queryOptions({
      queryKey: tenantKeys.invitations(id),
      queryFn: () => api<Schemas.UnansweredInvitation[]>("/admin/invitations", { query: { tenant: id } }),
    }),
  databaseMoves: (api: Api, id: string) =>
    queryOptions({
      queryKey: tenantKeys.databaseMoves(id),
      queryFn: () => api<Schemas.DatabaseMoveList>(`/tenants/${id}/database-moves`),
    }),
  identityMoves: (api: Api, id: string) =>
    queryOptions({
      queryKey: tenantKeys.identityMoves(id),
      queryFn: () => api<Schemas.IdentityMoveList>(`/tenants/${id}/identity-moves`),
    }),
};

export const databaseClusterQueries = {
  list: (api: Api) =>
    queryOptions({
      queryKey: ["database-clusters"] as const,
      queryFn: () => api<Schemas.DatabaseClusterList>("/admin/database-clusters"),
    }),
};

export const platformUserKeys = {
  all: ["platform-users"] as const,
};

export const platformUserQueries = {
  page: (api: Api, filter: { q: string; tenant: string; status: string; page: number; size: number }) =>
    queryOptions({
      queryKey: [...platformUserKeys.all, filter] as const,
      queryFn: () => api<Page<Schemas.PlatformUser>>("/admin/users", { query: filter }),
    }),
};

export const analyticsQueries = {
  platform: (api: Api, hours: string) =>
    queryOptions({
      queryKey: ["analytics", hours] as const,
      queryFn: () => api<Schemas.PlatformAnalytics>("/admin/analytics", { query: { hours, days: 30 } }),
    }),
};

export const vendorKeys = {
  all: ["vendors"] as const,
};

export const vendorQueries = {
  list: (api: Api) =>
    queryOptions({ queryKey: vendorKeys.all, queryFn: () => api<Schemas.Vendor[]>("/admin/vendors") }),
};

export const submissionKeys = {
  all: ["plugin-submissions"] as const,
};
