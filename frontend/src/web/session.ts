import { createContext, useContext } from "react";
import type { Api } from "../shared/api";
import type { Auth } from "../shared/auth";
import type * as Schemas from "../shared/api-types.gen";

/** The caller. The web app's sessions are a tenant's people's, so the tenant is there. */
export type Me = Schemas.Me & { tenant: Schemas.TenantOfCaller };

export type TenantLogin = Schemas.TenantLogin;

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

export type WorkspaceRole = Schemas.WorkspaceRole;

export type Workspace = Schemas.Workspace;

export type Member = Schemas.WorkspaceMember;

export type PluginUi = Schemas.PluginUi;

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
