import { createContext, useContext } from "react";
import type { Api } from "../shared/api";
import type { Auth } from "../shared/auth";

export interface Me {
  subject: string;
  username: string;
  email: string;
  name: string;
  realm: string;
  roles: string[];
  permissions: string[];
  tenant: { id: string; slug: string };
}

export interface TenantLogin {
  slug: string;
  name: string;
  realm: string;
  clientId: string;
  /** The organization's default language, when it set one. */
  locale?: string;
}

/** Who is logged in, to which tenant, and the API as that user. */
export interface Session {
  auth: Auth;
  api: Api;
  me: Me;
  tenant: TenantLogin;
  can(permission: string): boolean;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error("No session");
  return session;
}

export type WorkspaceRole = "ADMIN" | "MEMBER" | "VIEWER";

export interface Workspace {
  id: string;
  slug: string;
  name: string;
  description?: string;
  settings: Record<string, unknown>;
  role: WorkspaceRole;
  createdAt: string;
  updatedAt: string;
}

export interface Member {
  userId: string;
  username: string;
  email: string;
  displayName?: string;
  role: WorkspaceRole;
  joinedAt: string;
}

export interface PluginUi {
  pluginId: string;
  version: string;
  name: string;
  module: string;
  pages: { path: string; title: string }[];
}

/** The workspace the user works in, chosen in the header; kept per tenant in this browser. */
export interface CurrentWorkspace {
  /** True until the user's workspaces are known. */
  loading: boolean;
  workspaces: Workspace[];
  current: Workspace | undefined;
  select(id: string): void;
}

export const WorkspaceContext = createContext<CurrentWorkspace>({
  loading: true,
  workspaces: [],
  current: undefined,
  select: () => {},
});

export function useWorkspace(): CurrentWorkspace {
  return useContext(WorkspaceContext);
}
