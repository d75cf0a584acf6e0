import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../shared/api";
import {
  ActionForm,
  Badge,
  Button,
  Card,
  ConfirmDialog,
  Dialog,
  Empty,
  ErrorBox,
  Failed,
  Loading,
  PageHeader,
  formatDate,
  useConfirmation,
} from "../../shared/ui";
import { SchemaForm, initialValues, type JsonSchema, type Values } from "../SchemaForm";
import { Marketplace } from "./Marketplace";
import { useSession } from "../session";
import { pluginKeys, pluginQueries, type InstalledPlugin } from "../queries";

type Installed = InstalledPlugin;

type Configuring = {
  id: string;
  name: string;
  schema?: JsonSchema;
  values: Values;
};

/** Plugins of the tenant: manage what is installed, and find and install more in the marketplace. */
export function Plugins() {
  const { api, can } = useSession();
  const { t } = useTranslation();
  const queries = useQueryClient();
  const manage = can("plugins:manage");
  const plugins = useQuery(pluginQueries.installations(api));
  const [configuring, setConfiguring] = useState<Configuring | null>(null);
  const refresh = () =>
    Promise.all([
      queries.invalidateQueries({ queryKey: pluginKeys.installations }),
      queries.invalidateQueries({ queryKey: pluginKeys.uis }),
      queries.invalidateQueries({ queryKey: pluginKeys.marketplace }),
    ]);
  const toggle = useMutation({
    mutationFn: (p: Installed) =>
      api(`/plugin-installations/${p.pluginId}`, { method: "PATCH", body: { enabled: !p.enabled } }),
    onSettled: refresh,
  });
  const upgrade = useMutation({
    mutationFn: (p: Installed) =>
      api(`/plugin-installations/${p.pluginId}/upgrade`, { method: "POST", body: { version: p.upgradeTo } }),
    onSettled: refresh,
  });
  const uninstall = useConfirmation(
    (p: Installed) => api(`/plugin-installations/${p.pluginId}`, { method: "DELETE" }),
    () => void refresh(),
  );

  if (plugins.isPending) return <Loading what={t("plugins.loading")} />;
  if (plugins.isError) return <ErrorBox error={plugins.error} retry={() => void plugins.refetch()} />;
  const { installed } = plugins.data;
  return (
    <>
      <PageHeader title={t("plugins.title")}>{t("plugins.subtitle")}</PageHeader>
      <Failed actions={[toggle, upgrade]} />
      <div className="space-y-8">
        <Card title={t("plugins.installed", { count: installed.length })}>
          {installed.length === 0 ? (
            <Empty title={t("plugins.noneInstalled")}>
              {manage ? t("plugins.installBelow") : t("plugins.adminsInstall")}
            </Empty>
          ) : (
            <ul className="divide-y divide-slate-100">
              {installed.map((p) => (
                <li
                  key={p.pluginId}
                  className="flex flex-wrap items-center justify-between gap-3 py-3"
                  data-testid={`installed-${p.pluginId}`}
                >
                  <div>
                    <p className="font-medium text-slate-900">
                      {p.name} <span className="text-sm font-normal text-slate-600">{p.version}</span>
                    </p>
                    <p className="text-sm text-slate-600">
                      <Badge>{p.enabled ? "ENABLED" : "DISABLED"}</Badge>{" "}
                      {t("plugins.installedOn", { date: formatDate(p.installedAt) })}
                    </p>
                    {p.upgradeTo && (
                      <p className="text-sm text-indigo-700" role="status">
                        {t("plugins.updateAvailable", { version: p.upgradeTo })}
                      </p>
                    )}
                    {p.upgradeBlocked && (
                      <p className="max-w-xl text-sm text-amber-800" data-testid={`upgrade-blocked-${p.pluginId}`}>
                        {t("plugins.updateBlocked", {
                          version: p.upgradeBlocked.version,
                          reason: p.upgradeBlocked.reason,
                        })}
                      </p>
                    )}
                  </div>
                  {manage && (
                    <div className="flex flex-wrap gap-2">
                      {p.upgradeTo && (
                        <Button variant="secondary" busy={upgrade.isPending} onClick={() => upgrade.mutate(p)}>
                          {t("plugins.upgradeTo", { version: p.upgradeTo })}
                        </Button>
                      )}
                      <Button
                        variant="secondary"
                        onClick={() =>
                          setConfiguring({
                            id: p.pluginId,
                            name: p.name,
                            schema: p.configSchema,
                            values: p.config,
                          })
                        }
                      >
                        {t("plugins.configure")}
                      </Button>
                      <Button
                        variant="secondary"
                        busy={toggle.isPending && toggle.variables?.pluginId === p.pluginId}
                        onClick={() => toggle.mutate(p)}
                      >
                        {p.enabled ? t("plugins.disable") : t("plugins.enable")}
                      </Button>
                      <Button variant="ghost" onClick={() => uninstall.ask(p)}>
                        {t("plugins.uninstall")}
                      </Button>
                    </div>
                  )}
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Marketplace onInstalled={refresh} />
      </div>
      {configuring && (
        <ConfigureDialog
          key={configuring.id}
          plugin={configuring}
          onClose={() => setConfiguring(null)}
          onDone={refresh}
        />
      )}
      <ConfirmDialog
        {...uninstall.dialog}
        title={t("plugins.uninstallTitle", { name: uninstall.target?.name })}
        message={t("plugins.uninstallText")}
        confirm={t("plugins.uninstall")}
      />
    </>
  );
}

function ConfigureDialog({
  plugin,
  onClose,
  onDone,
}: {
  plugin: Configuring;
  onClose: () => void;
  onDone: () => Promise<unknown>;
}) {
  const { api } = useSession();
  const { t } = useTranslation();
  const [values, setValues] = useState<Values>(initialValues(plugin.schema, plugin.values));
  const save = useMutation({
    mutationFn: () => api(`/plugin-installations/${plugin.id}`, { method: "PATCH", body: { config: values } }),
    onSuccess: async () => {
      await onDone();
      onClose();
    },
  });
  const error = save.error instanceof ApiError ? save.error : undefined;
  return (
    <Dialog open title={t("plugins.configureTitle", { name: plugin.name })} onClose={onClose}>
      <ActionForm action={save} submit={t("common.save")} onCancel={onClose} placed={() => false}>
        <SchemaForm schema={plugin.schema} values={values} onChange={setValues} error={error} />
      </ActionForm>
    </Dialog>
  );
}
