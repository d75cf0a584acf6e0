import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Button, Card, ConfirmDialog, useTypedConfirmation } from "../../../shared/ui";
import { useSession, useWorkspace, type Workspace } from "../../session";
import { workspaceKeys } from "../../queries";

export function Delete({ workspace }: { workspace: Workspace }) {
  const { api } = useSession();
  const { t } = useTranslation();
  const queries = useQueryClient();
  const navigate = useNavigate();
  const { select, workspaces } = useWorkspace();
  const [confirming, setConfirming] = useState(false);
  const typedSlug = useTypedConfirmation(workspace.slug);
  const remove = useMutation({
    mutationFn: () => api(`/workspaces/${workspace.id}`, { method: "DELETE", query: { deleteTeams: true } }),
    onSuccess: async () => {
      const other = workspaces.find((w) => w.id !== workspace.id);
      if (other) select(other.id);
      await queries.invalidateQueries({ queryKey: workspaceKeys.list });
      void navigate({ to: "/" });
    },
  });
  return (
    <Card title={t("workspace.deleteTitle")}>
      <p className="mb-4 text-sm text-slate-700">{t("workspace.deleteText", { name: workspace.name })}</p>
      <Button variant="danger" onClick={() => setConfirming(true)}>
        {t("workspace.deleteButton")}
      </Button>
      <ConfirmDialog
        open={confirming}
        title={t("teams.deleteTitle", { name: workspace.name })}
        message={typedSlug.field}
        confirm={t("workspace.deleteForGood")}
        busy={remove.isPending}
        error={remove.error}
        onConfirm={() => typedSlug.confirmed() && remove.mutate()}
        onClose={() => {
          setConfirming(false);
          typedSlug.reset();
          remove.reset();
        }}
      />
    </Card>
  );
}
