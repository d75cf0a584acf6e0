import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../../shared/api";
import { ActionForm, Card, TextInput, formatDate } from "../../../shared/ui";
import { useSession, type Workspace } from "../../session";
import { workspaceKeys } from "../../queries";

export function General({ workspace }: { workspace: Workspace }) {
  const { api } = useSession();
  const { t } = useTranslation();
  const queries = useQueryClient();
  const [name, setName] = useState(workspace.name);
  const [description, setDescription] = useState(workspace.description ?? "");
  const save = useMutation({
    mutationFn: () => api<Workspace>(`/workspaces/${workspace.id}`, { method: "PATCH", body: { name, description } }),
    // The list shows the name too.
    onSuccess: () =>
      Promise.all([
        queries.invalidateQueries({ queryKey: workspaceKeys.one(workspace.id) }),
        queries.invalidateQueries({ queryKey: workspaceKeys.list }),
      ]),
  });
  const error = save.error instanceof ApiError ? save.error : undefined;
  const readOnly = workspace.role !== "ADMIN";
  return (
    <Card title={t("workspace.general")}>
      <ActionForm
        action={save}
        submit={!readOnly ? t("common.save") : undefined}
        saved={save.isSuccess}
        className="max-w-lg space-y-4"
      >
        <TextInput
          label={t("common.name")}
          value={name}
          readOnly={readOnly}
          onChange={(e) => setName(e.target.value)}
          error={error?.fieldError("name")}
        />
        <TextInput
          label={t("teams.description")}
          value={description}
          readOnly={readOnly}
          onChange={(e) => setDescription(e.target.value)}
          error={error?.fieldError("description")}
        />
        <p className="text-sm text-slate-600">
          {t("workspace.addressCreated", { slug: workspace.slug, date: formatDate(workspace.createdAt) })}
        </p>
      </ActionForm>
    </Card>
  );
}
