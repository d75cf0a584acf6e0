import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../shared/api";
import {
  ActionForm,
  Button,
  Card,
  ConfirmDialog,
  Dialog,
  Empty,
  ErrorBox,
  Loaded,
  Loading,
  PageHeader,
  TextInput,
  useConfirmation,
} from "../../shared/ui";
import { NoWorkspace } from "../NoWorkspace";
import { useSession, useWorkspace, type Workspace } from "../session";
import type * as Schemas from "../../shared/api-types.gen";
import { workspaceKeys, workspaceQueries } from "../queries";

type Team = Schemas.Team;

/** The teams of the current workspace and who is in them. */
export function Teams() {
  const { current } = useWorkspace();
  if (!current) return <NoWorkspace />;
  return <TeamsOf workspace={current} header />;
}

/** A workspace's teams: on their own page, or as a tab of the workspace's settings. */
export function TeamsOf({ workspace, header = false }: { workspace: Workspace; header?: boolean }) {
  const { api } = useSession();
  const { t } = useTranslation();
  const queries = useQueryClient();
  const [creating, setCreating] = useState(false);
  const key = workspaceKeys.teams(workspace.id);
  const teams = useQuery(workspaceQueries.teams(api, workspace.id));
  const remove = useConfirmation(
    (team: Team) => api(`/workspaces/${workspace.id}/teams/${team.id}`, { method: "DELETE" }),
    () => void queries.invalidateQueries({ queryKey: key }),
  );
  const admin = workspace.role === "ADMIN";
  const create = admin && <Button onClick={() => setCreating(true)}>{t("teams.new")}</Button>;
  return (
    <>
      {header ? (
        <PageHeader title={t("teams.title")} actions={create}>
          {t("teams.subtitle", { name: workspace.name })}
        </PageHeader>
      ) : (
        <div className="mb-4 flex justify-end">{create}</div>
      )}
      <Loaded
        query={teams}
        loading={t("teams.loading")}
        empty={<Empty title={t("teams.none")}>{admin ? t("teams.createFirst") : t("teams.adminsCreate")}</Empty>}
      >
        {(loaded) => (
          <div className="grid gap-4 lg:grid-cols-2">
            {loaded.map((team) => (
              <Card
                key={team.id}
                title={team.name}
                actions={
                  admin && (
                    <Button variant="ghost" onClick={() => remove.ask(team)}>
                      {t("common.delete")}
                    </Button>
                  )
                }
              >
                {team.description && <p className="mb-3 text-sm text-slate-700">{team.description}</p>}
                <TeamMembers workspaceId={workspace.id} team={team} admin={admin} />
              </Card>
            ))}
          </div>
        )}
      </Loaded>
      <CreateTeam open={creating} workspaceId={workspace.id} onClose={() => setCreating(false)} />
      <ConfirmDialog
        {...remove.dialog}
        title={t("teams.deleteTitle", { name: remove.target?.name })}
        message={t("teams.deleteText")}
        confirm={t("common.delete")}
      />
    </>
  );
}

function TeamMembers({ workspaceId, team, admin }: { workspaceId: string; team: Team; admin: boolean }) {
  const { api } = useSession();
  const { t } = useTranslation();
  const queries = useQueryClient();
  const key = workspaceKeys.teamMembers(workspaceId, team.id);
  const members = useQuery(workspaceQueries.teamMembers(api, workspaceId, team.id));
  const workspaceMembers = useQuery({ ...workspaceQueries.members(api, workspaceId), enabled: admin });
  const [adding, setAdding] = useState("");
  const add = useMutation({
    mutationFn: (userId: string) =>
      api(`/workspaces/${workspaceId}/teams/${team.id}/members`, { method: "POST", body: { userId } }),
    onSuccess: () => {
      setAdding("");
      void queries.invalidateQueries({ queryKey: key });
    },
  });
  const remove = useMutation({
    mutationFn: (userId: string) =>
      api(`/workspaces/${workspaceId}/teams/${team.id}/members/${userId}`, { method: "DELETE" }),
    onSettled: () => queries.invalidateQueries({ queryKey: key }),
  });
  if (members.isPending) return <Loading what={t("teams.loadingMembers")} />;
  if (members.isError) return <ErrorBox error={members.error} />;
  const inTeam = new Set(members.data.map((m) => m.userId));
  const candidates = (workspaceMembers.data ?? []).filter((m) => !inTeam.has(m.userId));
  return (
    <div className="space-y-3">
      {members.data.length === 0 ? (
        <p className="text-sm text-slate-600">{t("teams.noMembers")}</p>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm">
          {members.data.map((m) => (
            <li key={m.userId} className="flex items-center justify-between py-1.5">
              <span>{m.displayName || m.username}</span>
              {admin && (
                <Button
                  variant="ghost"
                  onClick={() => remove.mutate(m.userId)}
                  aria-label={t("teams.removeLabel", { person: m.displayName || m.username, team: team.name })}
                >
                  {t("teams.remove")}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {admin && candidates.length > 0 && (
        <form
          className="flex gap-2"
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            if (adding) add.mutate(adding);
          }}
        >
          <label className="sr-only" htmlFor={`add-${team.id}`}>
            {t("teams.memberToAdd", { team: team.name })}
          </label>
          <select
            id={`add-${team.id}`}
            className="flex-1 rounded-md border border-slate-300 px-2 py-1.5 text-sm"
            value={adding}
            onChange={(e) => setAdding(e.target.value)}
          >
            <option value="">{t("teams.addMember")}</option>
            {candidates.map((m) => (
              <option key={m.userId} value={m.userId}>
                {m.displayName || m.username}
              </option>
            ))}
          </select>
          <Button type="submit" variant="secondary" busy={add.isPending} disabled={!adding}>
            {t("teams.add")}
          </Button>
        </form>
      )}
      {add.isError ? <ErrorBox error={add.error} /> : null}
    </div>
  );
}

function CreateTeam({ open, workspaceId, onClose }: { open: boolean; workspaceId: string; onClose: () => void }) {
  const { api } = useSession();
  const { t } = useTranslation();
  const queries = useQueryClient();
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const create = useMutation({
    mutationFn: () =>
      api(`/workspaces/${workspaceId}/teams`, {
        method: "POST",
        body: { name, description: description || undefined },
      }),
    onSuccess: () => {
      setName("");
      setDescription("");
      onClose();
      void queries.invalidateQueries({ queryKey: workspaceKeys.teams(workspaceId) });
    },
  });
  const error = create.error instanceof ApiError ? create.error : undefined;
  return (
    <Dialog open={open} title={t("teams.new")} onClose={onClose}>
      <ActionForm action={create} submit={t("common.create")} onCancel={onClose}>
        <TextInput
          label={t("common.name")}
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={error?.fieldError("name")}
        />
        <TextInput
          label={t("teams.description")}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          error={error?.fieldError("description")}
        />
      </ActionForm>
    </Dialog>
  );
}
