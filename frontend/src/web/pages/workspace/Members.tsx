import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import {
  Badge,
  Button,
  Card,
  ConfirmDialog,
  ErrorBox,
  Loading,
  Table,
  formatDate,
  useConfirmation,
} from "../../../shared/ui";
import { useSession, type Member, type Workspace, type WorkspaceRole } from "../../session";
import { workspaceKeys, workspaceQueries } from "../../queries";
import { roleOptions } from "./roles";

export function Members({ workspace }: { workspace: Workspace }) {
  const { api, me } = useSession();
  const { t } = useTranslation();
  const queries = useQueryClient();
  const members = useQuery(workspaceQueries.members(api, workspace.id));
  const refresh = () => queries.invalidateQueries({ queryKey: workspaceKeys.members(workspace.id) });
  const changeRole = useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: WorkspaceRole }) =>
      api(`/workspaces/${workspace.id}/members/${userId}`, { method: "PATCH", body: { role } }),
    onSettled: refresh,
  });
  const remove = useConfirmation(
    (m: Member) => api(`/workspaces/${workspace.id}/members/${m.userId}`, { method: "DELETE" }),
    () => void refresh(),
  );
  const removing = remove.target;
  const admin = workspace.role === "ADMIN";
  if (members.isPending) return <Loading what={t("teams.loadingMembers")} />;
  if (members.isError) return <ErrorBox error={members.error} retry={() => void members.refetch()} />;
  return (
    <Card title={t("workspace.membersCount", { count: members.data.length })}>
      {changeRole.isError ? <ErrorBox error={changeRole.error} /> : null}
      <Table
        caption={t("workspace.membersCaption")}
        head={[t("common.name"), t("common.email"), t("common.role"), t("workspace.joined"), ""]}
      >
        {members.data.map((m) => (
          <tr key={m.userId}>
            <td className="px-3 py-2 font-medium text-slate-900">{m.displayName || m.username}</td>
            <td className="px-3 py-2 text-slate-700">{m.email}</td>
            <td className="px-3 py-2">
              {admin ? (
                <select
                  aria-label={t("workspace.roleOf", { name: m.displayName || m.username })}
                  className="rounded border border-slate-300 px-2 py-1 text-sm"
                  value={m.role}
                  onChange={(e) => changeRole.mutate({ userId: m.userId, role: e.target.value as WorkspaceRole })}
                >
                  {roleOptions(t).map((r) => (
                    <option key={r.value} value={r.value}>
                      {r.label}
                    </option>
                  ))}
                </select>
              ) : (
                <Badge>{m.role}</Badge>
              )}
            </td>
            <td className="px-3 py-2 text-slate-700">{formatDate(m.joinedAt)}</td>
            <td className="px-3 py-2 text-right">
              {(admin || m.userId === me.subject) && (
                <Button variant="ghost" onClick={() => remove.ask(m)}>
                  {m.userId === me.subject ? t("workspace.leave") : t("teams.remove")}
                </Button>
              )}
            </td>
          </tr>
        ))}
      </Table>
      <ConfirmDialog
        {...remove.dialog}
        title={removing?.userId === me.subject ? t("workspace.leaveTitle") : t("workspace.removeTitle")}
        message={t("workspace.removeText", {
          person: removing?.displayName || removing?.username,
          name: workspace.name,
        })}
        confirm={removing?.userId === me.subject ? t("workspace.leave") : t("teams.remove")}
      />
    </Card>
  );
}
