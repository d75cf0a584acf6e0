import { queryOptions } from "@tanstack/react-query";
import type { Api, Page } from "../shared/api";
import type * as Schemas from "../shared/api-types.gen";
import type { User } from "../shared/people";
import type { JsonSchema, Values } from "./SchemaForm";
import type { Member, PluginUi, Workspace } from "./session";

/*
 * What the web app reads: per resource, its query keys and how it is fetched. Keys nest (all of one
 * workspace lives under ["workspace", id]), so invalidating a prefix refreshes what depends on it,
 * and a key is written once: the page that reads and the one that invalidates cannot drift. The
 * list of workspaces has a root of its own: refreshing it after a deletion must not ask for the
 * deleted workspace's members.
 */

/** A plugin's configuration and its schema are the plugin's: free-form in the document, JSON Schema here. */
export type InstalledPlugin = Omit<Schemas.PluginInstallation, "config" | "configSchema"> & {
  config: Values;
  configSchema?: JsonSchema;
};

export type AvailablePlugin = Omit<Schemas.AvailablePlugin, "configSchema"> & { configSchema?: JsonSchema };

export interface TenantPlugins {
  installed: InstalledPlugin[];
  available: AvailablePlugin[];
}

export type MarketplacePage = Schemas.MarketplacePage;
export type MarketplaceListing = Schemas.MarketplacePlugin;
export type MarketplaceVersion = Omit<Schemas.MarketplacePluginVersion, "configSchema"> & { configSchema?: JsonSchema };
export type MarketplaceDetail = Omit<Schemas.MarketplacePluginDetail, "versions"> & { versions: MarketplaceVersion[] };
export type ReviewPage = Schemas.PluginReviewPage;
export type PluginReview = Schemas.PluginReview;
export interface MarketplaceFilter {
  q: string;
  category: string;
  sort: string;
  page: number;
  size: number;
}

/** The settings the web app edits; the document leaves them free-form (tenants may hold more). */
export type TenantProfile = Omit<Schemas.Tenant, "settings"> & { settings: { locale?: string; timeZone?: string } };

export const workspaceKeys = {
  list: ["workspaces"] as const,
  one: (id: string) => ["workspace", id] as const,
  members: (id: string) => ["workspace", id, "members"] as const,
  invitations: (id: string) => ["workspace", id, "invitations"] as const,
  teams: (id: string) => ["workspace", id, "teams"] as const,
  teamMembers: (id: string, teamId: string) => ["workspace", id, "teams", teamId, "members"] as const,
  files: (id: string) => ["workspace", id, "files"] as const,
};

export const workspaceQueries = {
  list: (api: Api) => queryOptions({ queryKey: workspaceKeys.list, queryFn: () => api<Workspace[]>("/workspaces") }),
  one: (api: Api, id: string) =>
    queryOptions({ queryKey: workspaceKeys.one(id), queryFn: () => api<Workspace>(`/workspaces/${id}`) }),
  members: (api: Api, id: string) =>
    queryOptions({ queryKey: workspaceKeys.members(id), queryFn: () => api<Member[]>(`/workspaces/${id}/members`) }),
  invitations: (api: Api, id: string) =>
    queryOptions({
      queryKey: workspaceKeys.invitations(id),
      queryFn: () => api<Schemas.Invitation[]>(`/workspaces/${id}/invitations`),
    }),
  teams: (api: Api, id: string) =>
    queryOptions({ queryKey: workspaceKeys.teams(id), queryFn: () => api<Schemas.Team[]>(`/workspaces/${id}/teams`) }),
  teamMembers: (api: Api, id: string, teamId: string) =>
    queryOptions({
      queryKey: workspaceKeys.teamMembers(id, teamId),
      queryFn: () => api<Member[]>(`/workspaces/${id}/teams/${teamId}/members`),
    }),
  files: (api: Api, id: string) =>
    queryOptions({
      queryKey: workspaceKeys.files(id),
      queryFn: () => api<Schemas.WorkspaceFile[]>(`/workspaces/${id}/files`),
    }),
};

export const userKeys = {
  all: ["users"] as const,
};

export const userQueries = {
  count: (api: Api) =>
    queryOptions({
      queryKey: [...userKeys.all, "count"] as const,
      queryFn: () => api<Page<User>>("/users", { query: { size: 1 } }),
    }),
  page: (api: Api, q: string, page: number, size: number) =>
    queryOptions({
      queryKey: [...userKeys.all, { q, page, size }] as const,
      queryFn: () => api<Page<User>>("/users", { query: { q, page, size } }),
    }),
};

export const pluginKeys = {
  installations: ["plugin-installations"] as const,
  uis: ["plugin-ui"] as const,
  marketplace: ["marketplace"] as const,
};

export const pluginQueries = {
  installations: (api: Api) =>
    queryOptions({ queryKey: pluginKeys.installations, queryFn: () => api<TenantPlugins>("/plugin-installations") }),
  uis: (api: Api) => queryOptions({ queryKey: pluginKeys.uis, queryFn: () => api<PluginUi[]>("/plugin-ui") }),
  marketplace: (api: Api, filter: MarketplaceFilter) =>
    queryOptions({
      queryKey: [...pluginKeys.marketplace, "search", filter] as const,
      // The page offers only the category to narrow by: the other counts are not asked for.
      queryFn: () => api<MarketplacePage>("/marketplace/plugins", { query: { ...filter, facets: "category" } }),
    }),
  marketplacePlugin: (api: Api, id: string) =>
    queryOptions({
      queryKey: [...pluginKeys.marketplace, "plugin", id] as const,
      queryFn: () => api<MarketplaceDetail>(`/marketplace/plugins/${id}`),
    }),
  reviews: (api: Api, id: string, page: number) =>
    queryOptions({
      queryKey: [...pluginKeys.marketplace, "reviews", id, page] as const,
      queryFn: () => api<ReviewPage>(`/marketplace/plugins/${id}/reviews`, { query: { page, size: 5 } }),
    }),
};

export const tenantKeys = {
  profile: ["tenant"] as const,
  serviceAccounts: ["service-accounts"] as const,
};

export const tenantQueries = {
  profile: (api: Api) => queryOptions({ queryKey: tenantKeys.profile, queryFn: () => api<TenantProfile>("/tenant") }),
  serviceAccounts: (api: Api) =>
    queryOptions({
      queryKey: tenantKeys.serviceAccounts,
      queryFn: () => api<Schemas.ServiceAccount[]>("/service-accounts"),
    }),
  roles: (api: Api) => queryOptions({ queryKey: ["roles"] as const, queryFn: () => api<Schemas.Role[]>("/roles") }),
  recentActivity: (api: Api) =>
    queryOptions({
      queryKey: ["audit", "recent"] as const,
      queryFn: () => api<Page<Schemas.AuditEntry>>("/audit", { query: { size: 8 } }),
    }),
  invitationOffer: (api: Api, token: string) =>
    queryOptions({
      queryKey: ["invitation-offer", token] as const,
      queryFn: () =>
        api<Schemas.InvitationOffer>("/workspace-invitations/preview", { method: "POST", body: { token } }),
    }),
};
