import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen } from "@testing-library/react";
import type { ReactNode } from "react";
import { describe, expect, it } from "vitest";
import type { Api, Page } from "../../shared/api";
import type { User } from "../../shared/people";
import { SessionContext, WorkspaceContext, type Session, type Workspace } from "../session";
import { Members } from "./Members";

const ada = {
  id: "6f1c6a43-0d1f-4a2b-9d7e-2f1c0b9a1e01",
  username: "ada@acme.example",
  email: "ada@acme.example",
  firstName: "Ada",
  lastName: "Lovelace",
  roles: ["user"],
  status: "ACTIVE",
  createdAt: "2026-11-30T10:00:00Z",
} as User;

function workspace(role: Workspace["role"]): Workspace {
  return { id: "0b6f6a43-1111-4a2b-9d7e-2f1c0b9a1e02", slug: "launch", name: "Launch", role } as Workspace;
}

/** The page as a person with these permissions, in a workspace where they hold this role. */
function renderAs(permissions: string[], role: Workspace["role"]) {
  const api = (async (path: string) => {
    if (path === "/users") return { items: [ada], page: 0, size: 20, total: 1 } satisfies Page<User>;
    throw new Error(`unexpected call ${path}`);
  }) as Api;
  const session = { api, can: (p: string) => permissions.includes(p) } as Session;
  const current = workspace(role);
  const wrap = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <SessionContext.Provider value={session}>
        <WorkspaceContext.Provider value={{ loading: false, workspaces: [current], current, select: () => {} }}>
          {children}
        </WorkspaceContext.Provider>
      </SessionContext.Provider>
    </QueryClientProvider>
  );
  return render(<Members />, { wrapper: wrap });
}

describe("Members: controls follow the caller's permissions", () => {
  it("offers to invite only to whom users:invite is granted", async () => {
    renderAs(["users:read"], "MEMBER");
    await screen.findByText("ada@acme.example");
    expect(screen.queryByRole("button", { name: "Invite a person" })).toBeNull();

    renderAs(["users:read", "users:invite"], "MEMBER");
    expect(await screen.findByRole("button", { name: "Invite a person" })).toBeTruthy();
  });

  it("offers to add people to the workspace only to its ADMINs", async () => {
    renderAs(["users:read"], "MEMBER");
    await screen.findByText("ada@acme.example");
    expect(screen.queryByRole("button", { name: /Add to Launch/ })).toBeNull();

    renderAs(["users:read"], "ADMIN");
    expect(await screen.findByRole("button", { name: /Add to Launch/ })).toBeTruthy();
  });
});
