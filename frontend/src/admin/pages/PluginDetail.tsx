import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useParams } from "@tanstack/react-router";
import { Badge, Button, Card, ErrorBox, Loading, PageHeader } from "../../shared/ui";
import { useApi } from "../context";
import type { RegisteredPlugin } from "./Plugins";

export function PluginDetail() {
  const { pluginId } = useParams({ strict: false }) as { pluginId: string };
  const api = useApi();
  const queries = useQueryClient();
  const plugin = useQuery({ queryKey: ["registry", pluginId], queryFn: () => api<RegisteredPlugin>(`/admin/plugins/${pluginId}`) });
  const deprecate = useMutation({
    mutationFn: () => api(`/admin/plugins/${pluginId}/deprecate`, { method: "POST" }),
    onSettled: () => queries.invalidateQueries({ queryKey: ["registry"] }),
  });
  if (plugin.isPending) return <Loading what="Loading the plugin" />;
  if (plugin.isError) return <ErrorBox error={plugin.error} retry={() => void plugin.refetch()} />;
  const p = plugin.data;
  return (
    <>
      <PageHeader
        title={p.name}
        actions={p.status === "ACTIVE" && <Button variant="secondary" busy={deprecate.isPending} onClick={() => deprecate.mutate()}>Deprecate</Button>}
      >
        <Badge>{p.status}</Badge> · {p.vendor} · {p.category}
      </PageHeader>
      {deprecate.isError ? <div className="mb-4"><ErrorBox error={deprecate.error} /></div> : null}
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="About">
          <p className="mb-3 text-sm text-slate-700">{p.description}</p>
          <dl className="grid grid-cols-[8rem_1fr] gap-2 text-sm">
            <dt className="text-slate-600">Id</dt>
            <dd className="font-mono">{p.id}</dd>
            <dt className="text-slate-600">Versions</dt>
            <dd>{p.versions.join(", ")} (current {p.currentVersion})</dd>
            <dt className="text-slate-600">SDK</dt>
            <dd className="font-mono">{p.sdk}</dd>
            <dt className="text-slate-600">Dependencies</dt>
            <dd>{p.dependencies.length ? p.dependencies.map((d) => `${d.id} ${d.version}`).join(", ") : "None"}</dd>
            <dt className="text-slate-600">Conflicts</dt>
            <dd>{p.conflicts.length ? p.conflicts.map((d) => `${d.id} ${d.version}`).join(", ") : "None"}</dd>
            <dt className="text-slate-600">Tenants</dt>
            <dd>{p.tenants.length ? p.tenants.join(", ") : "Not installed anywhere"}</dd>
          </dl>
        </Card>
        <Card title="Permissions">
          {p.permissions.length === 0 ? (
            <p className="text-sm text-slate-600">It declares none.</p>
          ) : (
            <ul className="space-y-1 text-sm">
              {p.permissions.map((perm) => (
                <li key={perm.name}>
                  <span className="font-mono">{perm.name}</span> — {perm.description}
                </li>
              ))}
            </ul>
          )}
        </Card>
        <div className="lg:col-span-2">
          <Card title="Manifest">
            <pre className="overflow-x-auto rounded bg-slate-900 p-4 text-xs text-slate-100">{JSON.stringify(p.manifest, null, 2)}</pre>
          </Card>
        </div>
      </div>
    </>
  );
}
