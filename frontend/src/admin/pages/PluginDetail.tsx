import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Badge, Button, Card, ErrorBox, Failed, Loading, PageHeader } from "../../shared/ui";
import { useApi } from "../context";
import { pluginRoute } from "../routes";
import { registryKeys, registryQueries } from "../queries";

export function PluginDetail() {
  const { pluginId } = pluginRoute.useParams();
  const api = useApi();
  const { t } = useTranslation();
  const queries = useQueryClient();
  const plugin = useQuery(registryQueries.one(api, pluginId));
  const deprecate = useMutation({
    mutationFn: () => api(`/admin/plugins/${pluginId}/deprecate`, { method: "POST" }),
    onSettled: () => queries.invalidateQueries({ queryKey: registryKeys.all }),
  });
  if (plugin.isPending) return <Loading what={t("pluginDetail.loading")} />;
  if (plugin.isError) return <ErrorBox error={plugin.error} retry={() => void plugin.refetch()} />;
  const p = plugin.data;
  return (
    <>
      <PageHeader
        title={p.name}
        actions={
          p.status === "ACTIVE" && (
            <Button variant="secondary" busy={deprecate.isPending} onClick={() => deprecate.mutate()}>
              {t("pluginDetail.deprecate")}
            </Button>
          )
        }
      >
        <Badge>{p.status}</Badge> · {p.vendor} · {p.category}
      </PageHeader>
      <Failed actions={[deprecate]} />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={t("pluginDetail.about")}>
          <p className="mb-3 text-sm text-slate-700">{p.description}</p>
          <dl className="grid grid-cols-[8rem_1fr] gap-2 text-sm">
            <dt className="text-slate-600">{t("pluginDetail.id")}</dt>
            <dd className="font-mono">{p.id}</dd>
            <dt className="text-slate-600">{t("pluginDetail.versions")}</dt>
            <dd>{t("pluginDetail.versionsValue", { versions: p.versions.join(", "), current: p.currentVersion })}</dd>
            <dt className="text-slate-600">SDK</dt>
            <dd className="font-mono">{p.sdk}</dd>
            <dt className="text-slate-600">{t("pluginDetail.dependencies")}</dt>
            <dd>
              {p.dependencies.length
                ? p.dependencies.map((d) => `${d.id} ${d.version}`).join(", ")
                : t("pluginDetail.none")}
            </dd>
            <dt className="text-slate-600">{t("pluginDetail.conflicts")}</dt>
            <dd>
              {p.conflicts.length ? p.conflicts.map((d) => `${d.id} ${d.version}`).join(", ") : t("pluginDetail.none")}
            </dd>
            <dt className="text-slate-600">{t("console.tenants")}</dt>
            <dd>{p.tenants.length ? p.tenants.join(", ") : t("pluginDetail.nowhere")}</dd>
          </dl>
        </Card>
        <Card title={t("pluginDetail.permissions")}>
          {p.permissions.length === 0 ? (
            <p className="text-sm text-slate-600">{t("pluginDetail.noPermissions")}</p>
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
          <Card title={t("pluginDetail.manifest")}>
            <pre className="overflow-x-auto rounded bg-slate-900 p-4 text-xs text-slate-100">
              {JSON.stringify(p.manifest, null, 2)}
            </pre>
          </Card>
        </div>
      </div>
    </>
  );
}
