import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { TFunction } from "i18next";
import { Icon, type IconName } from "../../shared/icons";
import { Card, Empty, Loaded, PageHeader, formatDate, formatNumber } from "../../shared/ui";
import { useSession, useWorkspace } from "../session";
import type * as Schemas from "../../shared/api-types.gen";
import { pluginQueries, tenantQueries, userQueries } from "../queries";

type AuditEntry = Schemas.AuditEntry;

/** The tenant at a glance: its figures and what happened lately. */
export function Dashboard() {
  const { api, can, me, tenant } = useSession();
  const { workspaces, current, loading } = useWorkspace();
  const { t } = useTranslation();
  const members = useQuery({ ...userQueries.count(api), enabled: can("users:read") });
  const plugins = useQuery({ ...pluginQueries.installations(api), enabled: can("plugins:read") });
  const activity = useQuery({
    ...tenantQueries.recentActivity(api),
    enabled: can("audit:read"),
    // What others do shows up without leaving the page.
    refetchInterval: 15_000,
  });

  return (
    <>
      <PageHeader title={t("dashboard.welcome", { name: me.name || me.username })}>
        {tenant.name}
        {current ? ` · ${t("dashboard.workingIn", { name: current.name })}` : ""}
      </PageHeader>
      <dl className="mb-8 grid grid-cols-1 gap-4 sm:grid-cols-3">
        <Figure
          id="Members"
          icon="members"
          label={t("dashboard.members")}
          to={can("users:read") ? "/members" : undefined}
          value={can("users:read") ? members.data?.total : undefined}
          pending={members.isPending && can("users:read")}
        />
        <Figure
          id="Your workspaces"
          icon="workspace"
          label={t("dashboard.yourWorkspaces")}
          to={current ? `/workspaces/${current.id}` : undefined}
          value={workspaces.length}
          pending={loading}
        />
        <Figure
          id="Installed plugins"
          icon="plugins"
          label={t("dashboard.installedPlugins")}
          to={can("plugins:read") ? "/plugins" : undefined}
          value={can("plugins:read") ? plugins.data?.installed.length : undefined}
          pending={plugins.isPending && can("plugins:read")}
        />
      </dl>
      {can("audit:read") && (
        <Card title={t("dashboard.recentActivity")}>
          <Loaded
            query={activity}
            loading={t("dashboard.loadingActivity")}
            empty={<Empty title={t("dashboard.nothingYet")}>{t("dashboard.nothingYetText")}</Empty>}
          >
            {(loaded) => (
              <ul className="divide-y divide-slate-100" aria-label={t("dashboard.recentActivity")}>
                {loaded.items.map((entry) => (
                  <li key={entry.id} className="flex flex-wrap justify-between gap-2 py-2 text-sm">
                    <span>
                      <span className="font-medium text-slate-900">{entry.actorName ?? t("dashboard.someone")}</span>{" "}
                      <span className="text-slate-700">{describe(t, entry.action)}</span>
                      {objectName(entry) && <span className="text-slate-900"> “{objectName(entry)}”</span>}
                    </span>
                    <time className="text-slate-600" dateTime={entry.occurredAt}>
                      {formatDate(entry.occurredAt)}
                    </time>
                  </li>
                ))}
              </ul>
            )}
          </Loaded>
        </Card>
      )}
    </>
  );
}

function Figure({
  id,
  icon,
  label,
  value,
  pending,
  to,
}: {
  id: string;
  icon: IconName;
  label: string;
  value: number | undefined;
  pending: boolean;
  to?: string;
}) {
  // A figure leads to what it counts, where the user may go there: its label is a link stretched
  // over the whole card (dt and dd stay a proper pair of the list).
  return (
    <div
      className={`relative rounded-lg border border-slate-200 bg-white p-4 shadow-sm ${to ? "hover:border-indigo-300" : ""}`}
    >
      <dt className="flex items-center gap-2 text-sm text-slate-600">
        <span className="flex h-8 w-8 items-center justify-center rounded-md bg-indigo-50 text-indigo-700">
          <Icon name={icon} />
        </span>
        {to ? (
          <Link
            to={to}
            data-testid={`figure-link-${id}`}
            className="after:absolute after:inset-0 after:rounded-lg hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600"
          >
            {label}
          </Link>
        ) : (
          label
        )}
      </dt>
      <dd className="mt-1 text-3xl font-semibold text-slate-900" data-testid={`figure-${id}`}>
        {pending ? "…" : value === undefined ? "—" : formatNumber(value)}
      </dd>
    </div>
  );
}

/** The entry's object as people call it: its name, slug, address or file name, when the entry has one. */
function objectName(entry: AuditEntry): string | undefined {
  for (const state of [entry.after, entry.before]) {
    for (const key of ["name", "email", "fileName", "slug"]) {
      const value = state?.[key];
      if (typeof value === "string" && value) return value;
    }
  }
  return undefined;
}

/** `member.role_changed` → "changed the role of a member"; an action this app does not know yet reads as its words. */
function describe(t: TFunction, action: string): string {
  const [target, verb] = action.split(".");
  const words = `${(verb ?? "").replace(/_/g, " ")} ${target.replace(/_/g, " ")}`.trim();
  return t(`activity.${action}` as "activity.workspace.created", { defaultValue: words });
}
