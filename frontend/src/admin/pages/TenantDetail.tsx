import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  ActionForm,
  Badge,
  Button,
  Card,
  ConfirmDialog,
  Empty,
  ErrorBox,
  Loaded,
  Loading,
  PageHeader,
  Table,
  TextInput,
  formatDate,
  formatMegabytes,
  formatNumber,
  useTypedConfirmation,
} from "../../shared/ui";
import { ApiError } from "../../shared/api";
import { useApi, type QuotaName, type Tenant } from "../context";
import { tenantRoute } from "../routes";
import type * as Schemas from "../../shared/api-types.gen";
import { registryQueries, tenantKeys, tenantQueries } from "../queries";
import { DatabaseMoveCard } from "./DatabaseMoveCard";
import { IdentityMoveCard } from "./IdentityMoveCard";

type Action = "suspend" | "activate" | "delete";

export function TenantDetail() {
  const { tenantId } = tenantRoute.useParams();
  const api = useApi();
  const { t } = useTranslation();
  const queries = useQueryClient();
  const navigate = useNavigate();
  const [action, setAction] = useState<Action | null>(null);
  const tenant = useQuery({
    ...tenantQueries.one(api, tenantId),
    refetchInterval: (q) => (q.state.data?.status === "PROVISIONING" ? 500 : false),
  });
  const provisioning = useQuery({
    ...tenantQueries.provisioning(api, tenantId),
    refetchInterval: (q) => (q.state.data?.status === "PROVISIONING" ? 400 : false),
  });
  const plugins = useQuery(registryQueries.list(api));
  const usage = useQuery({
    ...tenantQueries.usage(api, tenantId),
    enabled: tenant.data?.status === "ACTIVE" || tenant.data?.status === "SUSPENDED",
  });
  const invitations = useQuery({
    ...tenantQueries.invitations(api, tenantId),
    enabled: tenant.data?.status === "ACTIVE" || tenant.data?.status === "SUSPENDED",
  });
  // The tenant's status and its steps are two reads: once the status moves on, read the steps again.
  const status = tenant.data?.status;
  const { refetch: refetchSteps } = provisioning;
  useEffect(() => {
    if (status && status !== "PROVISIONING") void refetchSteps();
  }, [status, refetchSteps]);
  const typedSlug = useTypedConfirmation(tenant.data?.slug ?? "");
  const act = useMutation({
    mutationFn: (what: Action) =>
      what === "delete"
        ? api(`/tenants/${tenantId}`, { method: "DELETE" })
        : api(`/tenants/${tenantId}/${what}`, { method: "POST" }),
    onSuccess: async (_, what) => {
      setAction(null);
      await queries.invalidateQueries({ queryKey: tenantKeys.lists });
      if (what === "delete") void navigate({ to: "/" });
      else void queries.invalidateQueries({ queryKey: tenantKeys.one(tenantId) });
    },
  });
  if (tenant.isPending) return <Loading what={t("tenant.loading")} />;
  if (tenant.isError) return <ErrorBox error={tenant.error} retry={() => void tenant.refetch()} />;
  const org = tenant.data;
  const used = (plugins.data ?? []).filter((p) => p.tenants.includes(org.slug));
  return (
    <>
      <PageHeader
        title={org.name}
        actions={
          <>
            {org.status === "ACTIVE" && (
              <Button variant="secondary" onClick={() => setAction("suspend")}>
                {t("tenant.suspend")}
              </Button>
            )}
            {org.status === "SUSPENDED" && (
              <Button variant="secondary" onClick={() => setAction("activate")}>
                {t("tenant.activate")}
              </Button>
            )}
            {org.status !== "PROVISIONING" && org.status !== "DELETED" && (
              <Button variant="danger" onClick={() => setAction("delete")}>
                {t("common.delete")}
              </Button>
            )}
          </>
        }
      >
        <span data-testid="tenant-status">
          <Badge>{org.status}</Badge>
        </span>{" "}
        · {org.slug}
      </PageHeader>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={t("tenant.provisioning")}>
          <Loaded query={provisioning} loading={t("tenant.loadingProgress")}>
            {(loaded) => (
              <>
                <Progress done={loaded.steps.filter((s) => s.status === "DONE").length} total={loaded.totalSteps} />
                <ol className="space-y-2" aria-label={t("tenant.steps")}>
                  {loaded.steps.map((s) => (
                    <li key={s.name} className="flex items-center justify-between gap-3 text-sm">
                      <span className="font-mono">{s.name}</span>
                      <span className="flex items-center gap-2">
                        {s.durationMs !== undefined && s.durationMs !== null && (
                          <span className="text-slate-600">
                            {formatNumber(s.durationMs, { style: "unit", unit: "millisecond", unitDisplay: "short" })}
                          </span>
                        )}
                        <Badge>{s.status}</Badge>
                        {s.compensation && <Badge>{s.compensation}</Badge>}
                      </span>
                      {s.error && <span className="basis-full text-xs text-red-700">{s.error}</span>}
                    </li>
                  ))}
                </ol>
              </>
            )}
          </Loaded>
        </Card>
        {org.status === "ACTIVE" && (
          <Card title={t("tenant.signingIn")}>
            <p className="text-sm text-slate-700">
              {t("tenant.webApp")}{" "}
              <a
                className="text-indigo-700 underline"
                href={`${window.location.origin}/?tenant=${encodeURIComponent(org.slug)}`}
              >
                {t("tenant.openWebApp", { name: org.name })}
              </a>
              . {t("tenant.adminSignsIn", { email: org.adminEmail })}
            </p>
          </Card>
        )}
        <Card title={t("tenant.resources")}>
          <dl className="grid grid-cols-[8rem_1fr] gap-2 text-sm">
            <dt className="text-slate-600">{t("tenant.schema")}</dt>
            <dd className="font-mono">{org.schema}</dd>
            <dt className="text-slate-600">{t("tenant.databaseCluster")}</dt>
            <dd className="font-mono">{org.placement.databaseCluster}</dd>
            <dt className="text-slate-600">{t("tenant.schemaVersion")}</dt>
            <dd>{org.placement.schemaVersion}</dd>
            <dt className="text-slate-600">{t("tenant.identityHome")}</dt>
            <dd>
              {org.placement.identityHome === "ORGANIZATION" ? t("tenant.homeOrganization") : t("tenant.homeRealm")}
            </dd>
            <dt className="text-slate-600">{t("tenant.realm")}</dt>
            <dd className="font-mono">{org.placement.realm}</dd>
            {org.placement.organizationId && (
              <>
                <dt className="text-slate-600">{t("tenant.organization")}</dt>
                <dd className="font-mono">{org.placement.organizationId}</dd>
              </>
            )}
            <dt className="text-slate-600">{t("tenant.bucket")}</dt>
            <dd className="font-mono">{usage.data?.bucket ?? "—"}</dd>
            <dt className="text-slate-600">{t("tenants.administrator")}</dt>
            <dd>{org.adminEmail}</dd>
            <dt className="text-slate-600">{t("common.created")}</dt>
            <dd>{formatDate(org.createdAt)}</dd>
            <dt className="text-slate-600">{t("console.plugins")}</dt>
            <dd>{used.length === 0 ? t("tenant.noPlugins") : used.map((p) => p.name).join(", ")}</dd>
          </dl>
        </Card>
        <DatabaseMoveCard tenant={org} />
        <IdentityMoveCard tenant={org} />
        <Card title={t("tenant.usage")}>
          {usage.isError ? (
            <ErrorBox error={usage.error} />
          ) : !usage.data?.usage ? (
            <p className="text-sm text-slate-600">
              {usage.isPending && usage.isFetching ? t("tenant.counting") : t("tenant.nothingToCount")}
            </p>
          ) : (
            <dl className="grid grid-cols-2 gap-4 sm:grid-cols-5" data-testid="tenant-usage">
              {[
                [t("console.users"), formatNumber(usage.data.usage.users)],
                [t("tenant.workspaces"), formatNumber(usage.data.usage.workspaces)],
                [t("tenant.files"), formatNumber(usage.data.usage.files)],
                [t("tenant.stored"), formatMegabytes(usage.data.usage.fileBytes)],
                [t("console.plugins"), formatNumber(usage.data.usage.plugins)],
              ].map(([label, value]) => (
                <div key={label}>
                  <dt className="text-xs text-slate-600">{label}</dt>
                  <dd className="text-xl font-semibold text-slate-900">{value}</dd>
                </div>
              ))}
            </dl>
          )}
        </Card>
        {usage.data?.usage && (
          <Quotas
            tenantId={org.id}
            quotas={org.quotas ?? {}}
            used={{
              maxUsers: usage.data.usage.users,
              maxWorkspaces: usage.data.usage.workspaces,
              maxStorageBytes: usage.data.usage.fileBytes,
              maxPlugins: usage.data.usage.plugins,
            }}
          />
        )}
        {invitations.isEnabled && (
          <div className="lg:col-span-2">
            <Card title={t("tenant.invitations")}>
              <Loaded
                query={invitations}
                loading={t("tenant.loadingInvitations")}
                empty={<Empty title={t("tenant.noInvitations")}>{t("tenant.noInvitationsText")}</Empty>}
              >
                {(loaded) => (
                  <Table
                    caption={t("tenant.invitations")}
                    head={[
                      t("common.email"),
                      t("tenant.workspace"),
                      t("common.role"),
                      t("common.status.label"),
                      t("tenant.sent"),
                      t("tenant.expires"),
                    ]}
                  >
                    {loaded.map((i) => (
                      <tr key={i.id}>
                        <td className="px-3 py-2">{i.email}</td>
                        <td className="px-3 py-2">{i.workspaceName}</td>
                        <td className="px-3 py-2">
                          <Badge>{i.role}</Badge>
                        </td>
                        <td className="px-3 py-2">
                          <Badge>{i.status}</Badge>
                        </td>
                        <td className="px-3 py-2 text-slate-700">{formatDate(i.createdAt)}</td>
                        <td className="px-3 py-2 text-slate-700">{formatDate(i.expiresAt)}</td>
                      </tr>
                    ))}
                  </Table>
                )}
              </Loaded>
            </Card>
          </div>
        )}
      </div>
      <ConfirmDialog
        open={action !== null}
        title={t(
          action === "delete"
            ? "tenant.deleteTitle"
            : action === "suspend"
              ? "tenant.suspendTitle"
              : "tenant.activateTitle",
          { name: org.name },
        )}
        message={
          action === "delete" ? (
            <div className="space-y-3">
              <p>{t("tenant.deleteText")}</p>
              {typedSlug.field}
            </div>
          ) : action === "suspend" ? (
            t("tenant.suspendText")
          ) : (
            t("tenant.activateText")
          )
        }
        confirm={
          action === "delete" ? t("common.delete") : action === "suspend" ? t("tenant.suspend") : t("tenant.activate")
        }
        busy={act.isPending}
        error={act.error}
        onConfirm={() => {
          if (action && (action !== "delete" || typedSlug.confirmed())) act.mutate(action);
        }}
        onClose={() => {
          act.reset();
          setAction(null);
          typedSlug.reset();
        }}
      />
    </>
  );
}

function Progress({ done, total }: { done: number; total: number }) {
  const { t } = useTranslation();
  return (
    <div className="mb-4">
      <p className="mb-1 text-sm text-slate-700" aria-live="polite">
        {t("tenant.stepsDone", { done, total })}
      </p>
      <div
        className="h-2 rounded bg-slate-100"
        role="progressbar"
        aria-label={t("tenant.provisioning")}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
      >
        <div
          className="h-2 rounded bg-emerald-500 transition-all"
          style={{ width: `${total ? (100 * done) / total : 0}%` }}
        />
      </div>
    </div>
  );
}

const MIB = 1024 * 1024;
const QUOTAS: QuotaName[] = ["maxUsers", "maxWorkspaces", "maxStorageBytes", "maxPlugins"];

/**
 * What the tenant may hold at most (its plan), next to what it holds. Empty is no limit; storage is
 * set in MiB. A lower quota takes nothing away, it refuses what would add more.
 */
function Quotas({
  tenantId,
  quotas,
  used,
}: {
  tenantId: string;
  quotas: Schemas.QuotaLimits;
  used: Record<QuotaName, number>;
}) {
  const api = useApi();
  const { t } = useTranslation();
  const queries = useQueryClient();
  const shown = (q: QuotaName) => {
    const value = quotas[q];
    if (value == null) return "";
    return String(q === "maxStorageBytes" ? Math.round((value / MIB) * 100) / 100 : value);
  };
  const [form, setForm] = useState<Record<QuotaName, string>>(
    () => Object.fromEntries(QUOTAS.map((q) => [q, shown(q)])) as Record<QuotaName, string>,
  );
  const save = useMutation({
    mutationFn: () =>
      api<Tenant>(`/tenants/${tenantId}`, {
        method: "PATCH",
        body: {
          quotas: Object.fromEntries(
            QUOTAS.map((q) => {
              const text = form[q].trim();
              if (text === "") return [q, null];
              const value = Number(text);
              // Not a number: sent as typed, so that the platform's own words say what is wrong.
              if (!Number.isFinite(value) || value < 0) return [q, text];
              return [q, q === "maxStorageBytes" ? Math.round(value * MIB) : value];
            }),
          ),
        },
      }),
    onSuccess: () => queries.invalidateQueries({ queryKey: tenantKeys.one(tenantId) }),
  });
  const error = save.error instanceof ApiError ? save.error : undefined;
  const usedText = (q: QuotaName) => (q === "maxStorageBytes" ? formatMegabytes(used[q]) : formatNumber(used[q]));
  return (
    <Card title={t("quotas.title")}>
      <ActionForm action={save} submit={t("quotas.save")} saved={save.isSuccess}>
        <p className="text-sm text-slate-600">{t("quotas.text")}</p>
        <div className="grid gap-4 sm:grid-cols-2">
          {QUOTAS.map((q) => (
            <TextInput
              key={q}
              label={t(`quotas.${q}`)}
              inputMode="numeric"
              placeholder={t("quotas.none")}
              hint={t("quotas.holds", { used: usedText(q) })}
              value={form[q]}
              onChange={(e) => setForm({ ...form, [q]: e.target.value })}
              error={error?.fieldError(`quotas.${q}`)}
            />
          ))}
        </div>
      </ActionForm>
    </Card>
  );
}
