import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Badge, ErrorBox, Loading, PageHeader } from "../../shared/ui";
import { useSession } from "../session";
import { TeamsOf } from "./Teams";
import { workspaceRoute } from "../routes";
import { workspaceQueries } from "../queries";
import { Delete } from "./workspace/Delete";
import { General } from "./workspace/General";
import { Invitations } from "./workspace/Invitations";
import { Members } from "./workspace/Members";

type Tab = "general" | "members" | "invitations" | "teams" | "danger";

/** A workspace's settings: general, members, invitations, deletion. */
export function WorkspaceSettings() {
  const { workspaceId } = workspaceRoute.useParams();
  const { api } = useSession();
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>("general");
  const workspace = useQuery(workspaceQueries.one(api, workspaceId));
  if (workspace.isPending) return <Loading what={t("workspace.loading")} />;
  if (workspace.isError) return <ErrorBox error={workspace.error} retry={() => void workspace.refetch()} />;
  const w = workspace.data;
  const admin = w.role === "ADMIN";
  const tabs: { id: Tab; label: string }[] = [
    { id: "general", label: t("workspace.general") },
    { id: "members", label: t("workspace.members") },
    { id: "invitations", label: t("workspace.invitations") },
    { id: "teams", label: t("teams.title") },
    ...(admin ? [{ id: "danger" as Tab, label: t("common.delete") }] : []),
  ];
  return (
    <>
      <PageHeader title={w.name}>
        {t("workspace.subtitle")} <Badge>{w.role}</Badge>
      </PageHeader>
      <div role="tablist" aria-label={t("nav.workspaceSettings")} className="mb-6 flex gap-1 border-b border-slate-200">
        {tabs.map((item) => (
          <button
            key={item.id}
            role="tab"
            type="button"
            id={`tab-${item.id}`}
            aria-selected={tab === item.id}
            aria-controls={`panel-${item.id}`}
            className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${tab === item.id ? "border-indigo-600 text-indigo-700" : "border-transparent text-slate-600 hover:text-slate-900"}`}
            onClick={() => setTab(item.id)}
          >
            {item.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {tab === "general" && <General workspace={w} />}
        {tab === "members" && <Members workspace={w} />}
        {tab === "invitations" && <Invitations workspace={w} />}
        {tab === "teams" && <TeamsOf workspace={w} />}
        {tab === "danger" && <Delete workspace={w} />}
      </div>
    </>
  );
}
