import { useQuery } from "@tanstack/react-query";
import { pluginPageRoute } from "../routes";
import { Component, Suspense, type ComponentType, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { i18n } from "../../shared/i18n";
import { Empty, ErrorBox, Loading } from "../../shared/ui";
import { useSession, useWorkspace } from "../session";
import { pluginQueries } from "../queries";

/** What a plugin's page receives: who and where, and its own API routes as the logged-in user. */
export interface PluginPageContext {
  tenant: { slug: string; name: string };
  user: { id: string; name: string };
  workspaceId?: string;
  page: string;
  /** The language the app speaks now ("en", "fr"): a plugin's page may speak it too. */
  language: string;
  /** Calls the plugin's route `/api/v1/plugins/<id>/<path>` with the user's token. */
  call<T>(method: string, path: string, body?: unknown): Promise<T>;
}

interface PluginModule {
  pages?: Record<string, ComponentType<{ context: PluginPageContext }>>;
}

const modules = new Map<string, Promise<PluginModule>>();

/** Loads a plugin's ES module once; "react" in it resolves, through the import map, to ours. */
function load(url: string): Promise<PluginModule> {
  let module = modules.get(url);
  if (!module) {
    module = import(/* @vite-ignore */ url) as Promise<PluginModule>;
    modules.set(url, module);
  }
  return module;
}

/** A page a plugin contributes, mounted from the module its bundle ships. */
export function PluginPage() {
  const { pluginId, page } = pluginPageRoute.useParams();
  const session = useSession();
  const { current } = useWorkspace();
  const { t } = useTranslation();
  const uis = useQuery(pluginQueries.uis(session.api));
  const ui = uis.data?.find((u) => u.pluginId === pluginId);
  const module = useQuery({
    queryKey: ["plugin-module", ui?.module],
    queryFn: () => load(ui!.module),
    enabled: !!ui,
    staleTime: Infinity,
  });
  if (uis.isPending || (ui && module.isPending)) return <Loading what={t("pluginPage.loading")} />;
  if (uis.isError) return <ErrorBox error={uis.error} />;
  if (!ui || !ui.pages.some((p) => p.path === page)) {
    return <Empty title={t("pluginPage.unavailable")}>{t("pluginPage.unavailableText")}</Empty>;
  }
  if (module.isError) return <ErrorBox error={module.error} />;
  const Page = module.data?.pages?.[page];
  if (!Page)
    return <ErrorBox error={new Error(t("pluginPage.noPage", { name: ui.name, version: ui.version, page }))} />;
  const context: PluginPageContext = {
    tenant: { slug: session.tenant.slug, name: session.tenant.name },
    user: { id: session.me.subject, name: session.me.name || session.me.username },
    workspaceId: current?.id,
    page,
    language: i18n.language,
    call: (method, path, body) =>
      session.api(`/plugins/${pluginId}/${path.replace(/^\//, "")}`, { method, body, workspaceId: current?.id }),
  };
  return (
    <PluginBoundary name={ui.name}>
      <Suspense fallback={<Loading what={t("pluginPage.loadingName", { name: ui.name })} />}>
        <div data-plugin={pluginId}>
          <Page context={context} />
        </div>
      </Suspense>
    </PluginBoundary>
  );
}

/** A plugin that throws while rendering breaks its own page, not the app. */
class PluginBoundary extends Component<{ name: string; children: ReactNode }, { error?: unknown }> {
  state: { error?: unknown } = {};

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  render() {
    if (this.state.error) {
      const message = String((this.state.error as Error)?.message ?? this.state.error);
      return <ErrorBox error={new Error(i18n.t("pluginPage.failed", { name: this.props.name, message }))} />;
    }
    return this.props.children;
  }
}
