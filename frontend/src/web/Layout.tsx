import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, Outlet, useNavigate } from "@tanstack/react-router";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../shared/api";
import { Icon, type IconName } from "../shared/icons";
import { LanguagePicker } from "../shared/LanguagePicker";
import { ActionForm, Badge, Button, Dialog, LogoutButton, TextInput } from "../shared/ui";
import { useSession, useWorkspace, WorkspaceContext, type CurrentWorkspace, type Workspace } from "./session";
import { pluginQueries, workspaceKeys, workspaceQueries } from "./queries";
import { slugOf } from "../shared/slug";

const COLLAPSED = "plexica.sidebar.collapsed";

/** The frame of every page: header with the workspace switcher, collapsible sidebar, content. */
export function Layout() {
  const session = useSession();
  const { t } = useTranslation();
  const workspaces = useWorkspaces();
  const [open, setOpen] = useState(false);
  const [collapsed, setCollapsed] = useState(() => localStorage.getItem(COLLAPSED) === "true");
  const uis = useQuery(pluginQueries.uis(session.api));

  function toggleCollapsed() {
    localStorage.setItem(COLLAPSED, String(!collapsed));
    setCollapsed(!collapsed);
  }

  return (
    <WorkspaceContext.Provider value={workspaces}>
      <div className="flex min-h-screen flex-col">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-2"
        >
          {t("common.skipToContent")}
        </a>
        <header className="sticky top-0 z-30 flex h-14 items-center gap-3 border-b border-slate-200 bg-white px-3">
          <button
            type="button"
            className="rounded p-2 text-slate-700 hover:bg-slate-100 md:hidden"
            aria-label={t("layout.openMenu")}
            aria-expanded={open}
            aria-controls="sidebar"
            onClick={() => setOpen(!open)}
          >
            <MenuIcon />
          </button>
          <button
            type="button"
            className="hidden rounded p-2 text-slate-700 hover:bg-slate-100 md:block"
            aria-label={collapsed ? t("layout.expand") : t("layout.collapse")}
            aria-expanded={!collapsed}
            aria-controls="sidebar"
            onClick={toggleCollapsed}
          >
            <MenuIcon />
          </button>
          <Link to="/" className="flex items-center gap-2 font-semibold text-slate-900">
            <img src="/favicon.svg" alt="" className="h-7 w-7" />
            <span className="hidden sm:inline">{session.tenant.name}</span>
          </Link>
          <div className="ml-auto flex items-center gap-2">
            <WorkspaceSwitcher />
            <UserMenu />
          </div>
        </header>
        <div className="flex flex-1">
          <nav
            id="sidebar"
            aria-label={t("layout.main")}
            className={`${open ? "fixed inset-y-14 left-0 z-20 block w-64 shadow-lg" : "hidden"} border-r border-slate-200 bg-white md:static md:block ${collapsed ? "md:w-16" : "md:w-60"}`}
          >
            <ul className="space-y-1 p-2" onClick={() => setOpen(false)}>
              <NavItem to="/" label={t("nav.dashboard")} icon="dashboard" collapsed={collapsed} />
              {workspaces.current && (
                <NavItem
                  to={`/workspaces/${workspaces.current.id}`}
                  label={t("nav.workspaceSettings")}
                  icon="workspace"
                  collapsed={collapsed}
                />
              )}
              <NavItem to="/files" label={t("nav.files")} icon="files" collapsed={collapsed} />
              <NavItem to="/teams" label={t("nav.teams")} icon="teams" collapsed={collapsed} />
              {session.can("users:read") && (
                <NavItem to="/members" label={t("nav.members")} icon="members" collapsed={collapsed} />
              )}
              {session.can("plugins:read") && (
                <NavItem to="/plugins" label={t("nav.plugins")} icon="plugins" collapsed={collapsed} />
              )}
              {session.can("tenant:read") && (
                <NavItem to="/settings" label={t("nav.settings")} icon="settings" collapsed={collapsed} />
              )}
            </ul>
            {(uis.data ?? []).length > 0 && (
              <>
                <p
                  className={`px-4 pt-4 text-xs font-semibold uppercase tracking-wide text-slate-500 ${collapsed ? "md:sr-only" : ""}`}
                >
                  {t("nav.plugins")}
                </p>
                <ul className="space-y-1 p-2" onClick={() => setOpen(false)}>
                  {uis.data!.flatMap((ui) =>
                    ui.pages.map((p) => (
                      <NavItem
                        key={`${ui.pluginId}/${p.path}`}
                        to={`/p/${ui.pluginId}/${p.path}`}
                        label={p.title}
                        icon="page"
                        collapsed={collapsed}
                      />
                    )),
                  )}
                </ul>
              </>
            )}
            <div className="p-4 sm:hidden">
              <LanguagePicker />
            </div>
          </nav>
          <main id="main" tabIndex={-1} className="min-w-0 flex-1 p-4 md:p-8">
            <Outlet />
          </main>
        </div>
      </div>
    </WorkspaceContext.Provider>
  );
}

function NavItem({ to, label, icon, collapsed }: { to: string; label: string; icon: IconName; collapsed: boolean }) {
  return (
    <li>
      <Link
        to={to}
        activeOptions={{ exact: to === "/" }}
        className="flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100 [&.active]:bg-indigo-50 [&.active]:text-indigo-700"
        title={collapsed ? label : undefined}
      >
        <span className="flex h-6 w-6 shrink-0 items-center justify-center">
          <Icon name={icon} />
        </span>
        <span className={collapsed ? "md:sr-only" : ""}>{label}</span>
      </Link>
    </li>
  );
}

function MenuIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" className="h-5 w-5" fill="currentColor">
      <path d="M3 5h14v2H3zm0 4h14v2H3zm0 4h14v2H3z" />
    </svg>
  );
}

function workspaceKey(tenant: string) {
  return `plexica.${tenant}.workspace`;
}

/** The user's workspaces and the one chosen, remembered per tenant in this browser. */
function useWorkspaces(): CurrentWorkspace {
  const { api, tenant } = useSession();
  const list = useQuery(workspaceQueries.list(api));
  const [chosen, setChosen] = useState(() => localStorage.getItem(workspaceKey(tenant.slug)));
  const workspaces = useMemo(() => list.data ?? [], [list.data]);
  const current = workspaces.find((w) => w.id === chosen) ?? workspaces[0];
  // Held once shown, so that a workspace added later (and listed first) does not take its place.
  if (current && current.id !== chosen) {
    setChosen(current.id);
  }
  return {
    loading: list.isPending,
    workspaces,
    current,
    select(id: string) {
      localStorage.setItem(workspaceKey(tenant.slug), id);
      setChosen(id);
    },
  };
}

function WorkspaceSwitcher() {
  const session = useSession();
  const { workspaces, current, select } = useWorkspace();
  const { t } = useTranslation();
  const [creating, setCreating] = useState(false);
  return (
    <div className="flex items-center gap-2">
      <label htmlFor="workspace-switcher" className="sr-only">
        {t("layout.workspace")}
      </label>
      <select
        id="workspace-switcher"
        className="max-w-44 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
        value={current?.id ?? ""}
        onChange={(e) => select(e.target.value)}
        disabled={workspaces.length === 0}
      >
        {workspaces.length === 0 && <option value="">{t("layout.noWorkspace")}</option>}
        {workspaces.map((w) => (
          <option key={w.id} value={w.id}>
            {w.name}
          </option>
        ))}
      </select>
      {current && (
        <span data-testid="workspace-role">
          <Badge>{current.role}</Badge>
        </span>
      )}
      {session.can("workspaces:create") && (
        <Button variant="secondary" onClick={() => setCreating(true)}>
          <span aria-hidden="true">+</span>
          <span className="sr-only lg:not-sr-only">{t("layout.newWorkspace")}</span>
        </Button>
      )}
      <CreateWorkspaceDialog open={creating} onClose={() => setCreating(false)} onCreated={select} />
    </div>
  );
}

function CreateWorkspaceDialog({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const { api } = useSession();
  const { t } = useTranslation();
  const queries = useQueryClient();
  const navigate = useNavigate();
  const [name, setName] = useState("");
  const [slug, setSlug] = useState("");
  const create = useMutation({
    mutationFn: () => api<Workspace>("/workspaces", { method: "POST", body: { name, slug } }),
    onSuccess: async (workspace) => {
      await queries.invalidateQueries({ queryKey: workspaceKeys.list });
      onCreated(workspace.id);
      setName("");
      setSlug("");
      onClose();
      void navigate({ to: "/" });
    },
  });
  const error = create.error instanceof ApiError ? create.error : undefined;

  return (
    <Dialog open={open} title={t("layout.newWorkspaceTitle")} onClose={onClose}>
      <ActionForm
        action={create}
        submit={t("common.create")}
        onCancel={onClose}
        placed={(e) => e.errors.length > 0 || e.code === "workspace-slug-taken"}
      >
        <TextInput
          label={t("common.name")}
          value={name}
          required
          onChange={(e) => {
            setName(e.target.value);
            setSlug(slugOf(e.target.value));
          }}
          error={error?.fieldError("name")}
        />
        <TextInput
          label={t("layout.address")}
          hint={t("layout.addressHint")}
          value={slug}
          required
          onChange={(e) => setSlug(e.target.value)}
          error={error?.fieldError("slug") ?? (error?.code === "workspace-slug-taken" ? error.message : undefined)}
        />
      </ActionForm>
    </Dialog>
  );
}

function UserMenu() {
  const { me, auth } = useSession();
  return (
    <div className="flex items-center gap-2">
      {/* At phone width the header has no room: the menu holds the language instead. */}
      <LanguagePicker className="max-sm:hidden" />
      <span className="hidden text-sm text-slate-700 md:inline" data-testid="user-name">
        {me.name || me.username}
      </span>
      <LogoutButton logout={() => auth.logout()} />
    </div>
  );
}
