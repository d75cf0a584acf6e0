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
import { useSession } from "../session";
import { pluginKeys, pluginQueries, type AvailablePlugin, type InstalledPlugin } from "../queries";

type Installed = InstalledPlugin;

type Requirement = AvailablePlugin["requires"][number];

type Configuring = {
  id: string;
  name: string;
  schema?: JsonSchema;
  values: Values;
  install: boolean;
  requires?: Requirement[];
};

/** Plugins of the tenant: install with a form from the plugin's schema, and manage what is installed. */
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
  const { installed, available } = plugins.data;
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
                            install: false,
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
        <section aria-labelledby="available-heading">
          <h2 id="available-heading" className="mb-3 text-lg font-semibold text-slate-900">
            {t("plugins.available")}
          </h2>
          {available.length === 0 ? (
            <Empty title={t("plugins.nothingMore")}>{t("plugins.allInstalled")}</Empty>
          ) : (
            <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
              {available.map((p) => (
                <article
                  key={p.id}
                  className="flex flex-col rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
                  data-testid={`available-${p.id}`}
                >
                  <h3 className="font-semibold text-slate-900">{p.name}</h3>
                  <p className="text-xs text-slate-600">
                    {p.vendor} · {p.category} · {p.version}
                  </p>
                  <p className="mt-2 flex-1 text-sm text-slate-700">{p.description}</p>
                  <Requirements requires={p.requires} />
                  {manage && (
                    <Button
                      className="mt-4 self-start"
                      onClick={() =>
                        setConfiguring({
                          id: p.id,
                          name: p.name,
                          schema: p.configSchema,
                          values: initialValues(p.configSchema),
                          install: true,
                          requires: p.requires,
                        })
                      }
                    >
                      {t("plugins.install", { name: p.name })}
                    </Button>
                  )}
                </article>
              ))}
            </div>
          )}
        </section>
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
    mutationFn: () =>
      plugin.install
        ? api("/plugin-installations", { method: "POST", body: { pluginId: plugin.id, config: values } })
        : api(`/plugin-installations/${plugin.id}`, { method: "PATCH", body: { config: values } }),
    onSuccess: async () => {
      await onDone();
      onClose();
    },
  });
  const error = save.error instanceof ApiError ? save.error : undefined;
  return (
    <Dialog
      open
      title={
        plugin.install
          ? t("plugins.install", { name: plugin.name })
          : t("plugins.configureTitle", { name: plugin.name })
      }
      onClose={onClose}
    >
      <ActionForm
        action={save}
        submit={plugin.install ? t("plugins.installButton") : t("common.save")}
        onCancel={onClose}
        placed={() => false}
      >
        {plugin.install && <Requirements requires={plugin.requires ?? []} />}
        <SchemaForm schema={plugin.schema} values={values} onChange={setValues} error={error} />
      </ActionForm>
    </Dialog>
  );
}

/** One plugin another needs, with what it needs in turn. */
export type RequirementNode = Requirement & { needs: RequirementNode[] };

/** The server's requirements (depth first, each with its depth) as the tree they describe. */
export function requirementTree(requires: Requirement[]): RequirementNode[] {
  const roots: RequirementNode[] = [];
  const path: RequirementNode[] = [];
  for (const requirement of requires) {
    const node = { ...requirement, needs: [] };
    path.length = Math.min(path.length, requirement.depth);
    (path.length === 0 ? roots : path[path.length - 1].needs).push(node);
    path.push(node);
  }
  return roots;
}

/**
 * What installing a plugin needs, as a tree of nested lists (so a screen reader says the levels
 * too): each plugin it depends on, with the version this organization has or the fact that it
 * must be installed first.
 */
export function Requirements({ requires }: { requires: Requirement[] }) {
  const { t } = useTranslation();
  if (requires.length === 0) return null;
  return (
    <div className="mt-3 text-sm" data-testid="plugin-requirements">
      <p className="font-medium text-slate-800">{t("plugins.needs")}</p>
      <RequirementList nodes={requirementTree(requires)} />
    </div>
  );
}

function RequirementList({ nodes, nested = false }: { nodes: RequirementNode[]; nested?: boolean }) {
  const { t } = useTranslation();
  return (
    <ul className={nested ? "mt-1 ml-5 space-y-1 border-l border-slate-200 pl-2" : "mt-1 space-y-1"}>
      {nodes.map((r) => (
        <li key={r.pluginId} className="text-slate-700">
          <span className="font-mono">{r.pluginId}</span> <span className="text-slate-600">{r.versionRange}</span>{" "}
          {r.met ? (
            <Badge>{t("plugins.needMet", { version: r.installed })}</Badge>
          ) : r.installed ? (
            <Badge>{t("plugins.needWrongVersion", { version: r.installed })}</Badge>
          ) : (
            <Badge>{t("plugins.needInstallFirst")}</Badge>
          )}
          {r.needs.length > 0 && <RequirementList nodes={r.needs} nested />}
        </li>
      ))}
    </ul>
  );
}
