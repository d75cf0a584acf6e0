import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate, useParams } from "@tanstack/react-router";
import { useEffect, useState } from "react";
import { Badge, Button, Card, ConfirmDialog, ErrorBox, Loading, PageHeader, formatDate, useTypedConfirmation } from "../../shared/ui";
import { useApi, type Tenant } from "../context";

interface Step {
  name: string;
  status: string;
  compensation?: string;
  durationMs?: number;
  error?: string;
}

interface Provisioning {
  status: string;
  totalSteps: number;
  steps: Step[];
}

interface TenantUsage {
  bucket: string;
  usage?: { users: number; workspaces: number; files: number; fileBytes: number; plugins: number };
}

interface RegisteredPlugin {
  id: string;
  name: string;
  tenants: string[];
}

type Action = "suspend" | "activate" | "delete";

export function TenantDetail() {
  const { tenantId } = useParams({ strict: false }) as { tenantId: string };
  const api = useApi();
  const queries = useQueryClient();
  const navigate = useNavigate();
  const [action, setAction] = useState<Action | null>(null);
  const tenant = useQuery({
    queryKey: ["tenant", tenantId],
    queryFn: () => api<Tenant>(`/tenants/${tenantId}`),
    refetchInterval: (q) => (q.state.data?.status === "PROVISIONING" ? 500 : false),
  });
  const provisioning = useQuery({
    queryKey: ["provisioning", tenantId],
    queryFn: () => api<Provisioning>(`/tenants/${tenantId}/provisioning`),
    refetchInterval: (q) => (q.state.data?.status === "PROVISIONING" ? 400 : false),
  });
  const plugins = useQuery({ queryKey: ["registry"], queryFn: () => api<RegisteredPlugin[]>("/admin/plugins") });
  const usage = useQuery({
    queryKey: ["tenant-usage", tenantId],
    queryFn: () => api<TenantUsage>(`/admin/analytics/tenants/${tenantId}`),
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
      await queries.invalidateQueries({ queryKey: ["tenants"] });
      if (what === "delete") void navigate({ to: "/" });
      else void queries.invalidateQueries({ queryKey: ["tenant", tenantId] });
    },
  });
  if (tenant.isPending) return <Loading what="Loading the tenant" />;
  if (tenant.isError) return <ErrorBox error={tenant.error} retry={() => void tenant.refetch()} />;
  const t = tenant.data;
  const used = (plugins.data ?? []).filter((p) => p.tenants.includes(t.slug));
  return (
    <>
      <PageHeader
        title={t.name}
        actions={
          <>
            {t.status === "ACTIVE" && <Button variant="secondary" onClick={() => setAction("suspend")}>Suspend</Button>}
            {t.status === "SUSPENDED" && <Button variant="secondary" onClick={() => setAction("activate")}>Activate</Button>}
            {t.status !== "PROVISIONING" && t.status !== "DELETED" && <Button variant="danger" onClick={() => setAction("delete")}>Delete</Button>}
          </>
        }
      >
        <span data-testid="tenant-status"><Badge>{t.status}</Badge></span> · {t.slug}
      </PageHeader>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Provisioning">
          {provisioning.isPending ? (
            <Loading what="Loading progress" />
          ) : provisioning.isError ? (
            <ErrorBox error={provisioning.error} />
          ) : (
            <>
            <Progress done={provisioning.data.steps.filter((s) => s.status === "DONE").length} total={provisioning.data.totalSteps} />
            <ol className="space-y-2" aria-label="Provisioning steps">
              {provisioning.data.steps.map((s) => (
                <li key={s.name} className="flex items-center justify-between gap-3 text-sm">
                  <span className="font-mono">{s.name}</span>
                  <span className="flex items-center gap-2">
                    {s.durationMs !== undefined && s.durationMs !== null && <span className="text-slate-600">{s.durationMs} ms</span>}
                    <Badge>{s.status}</Badge>
                    {s.compensation && <Badge>{s.compensation}</Badge>}
                  </span>
                  {s.error && <span className="basis-full text-xs text-red-700">{s.error}</span>}
                </li>
              ))}
            </ol>
            </>
          )}
        </Card>
        {t.status === "ACTIVE" && (
          <Card title="Signing in">
            <p className="text-sm text-slate-700">
              Its people work in the web app:{" "}
              <a className="text-indigo-700 underline" href={`${window.location.origin}/?tenant=${encodeURIComponent(t.slug)}`}>
                open {t.name}'s web app
              </a>
              . Its administrator, {t.adminEmail}, signs in there with the password they set through the link Plexica
              mailed them; "Forgot password?" on the sign-in page sends a new one.
            </p>
          </Card>
        )}
        <Card title="Resources">
          <dl className="grid grid-cols-[8rem_1fr] gap-2 text-sm">
            <dt className="text-slate-600">Schema</dt>
            <dd className="font-mono">{t.schema}</dd>
            <dt className="text-slate-600">Realm</dt>
            <dd className="font-mono">{t.slug}</dd>
            <dt className="text-slate-600">Bucket</dt>
            <dd className="font-mono">{usage.data?.bucket ?? "—"}</dd>
            <dt className="text-slate-600">Administrator</dt>
            <dd>{t.adminEmail}</dd>
            <dt className="text-slate-600">Created</dt>
            <dd>{formatDate(t.createdAt)}</dd>
            <dt className="text-slate-600">Plugins</dt>
            <dd>{used.length === 0 ? "None installed" : used.map((p) => p.name).join(", ")}</dd>
          </dl>
        </Card>
        <Card title="Usage">
          {usage.isError ? (
            <ErrorBox error={usage.error} />
          ) : !usage.data?.usage ? (
            <p className="text-sm text-slate-600">{usage.isPending && usage.isFetching ? "Counting…" : "Nothing to count while the tenant is not active."}</p>
          ) : (
            <dl className="grid grid-cols-2 gap-4 sm:grid-cols-5" data-testid="tenant-usage">
              {[
                ["Users", usage.data.usage.users],
                ["Workspaces", usage.data.usage.workspaces],
                ["Files", usage.data.usage.files],
                ["Stored", `${(usage.data.usage.fileBytes / 1024 / 1024).toFixed(1)} MB`],
                ["Plugins", usage.data.usage.plugins],
              ].map(([label, value]) => (
                <div key={label}>
                  <dt className="text-xs text-slate-600">{label}</dt>
                  <dd className="text-xl font-semibold text-slate-900">{value}</dd>
                </div>
              ))}
            </dl>
          )}
        </Card>
      </div>
      <ConfirmDialog
        open={action !== null}
        title={action === "delete" ? `Delete ${t.name}?` : action === "suspend" ? `Suspend ${t.name}?` : `Activate ${t.name}?`}
        message={
          action === "delete" ? (
            <div className="space-y-3">
              <p>Its users lose access at once. Its data is kept until the tenant is purged.</p>
              {typedSlug.field}
            </div>
          ) : action === "suspend"
              ? "Its users are refused from their next request until it is activated again."
              : "Its users can work again."
        }
        confirm={action === "delete" ? "Delete" : action === "suspend" ? "Suspend" : "Activate"}
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
  return (
    <div className="mb-4">
      <p className="mb-1 text-sm text-slate-700" aria-live="polite">
        {done} of {total} steps done
      </p>
      <div className="h-2 rounded bg-slate-100" role="progressbar" aria-label="Provisioning" aria-valuemin={0} aria-valuemax={total} aria-valuenow={done}>
        <div className="h-2 rounded bg-emerald-500 transition-all" style={{ width: `${total ? (100 * done) / total : 0}%` }} />
      </div>
    </div>
  );
}
