import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../shared/api";
import { fullName } from "../../shared/people";
import {
  ActionForm,
  Badge,
  Button,
  Card,
  Dialog,
  Done,
  Empty,
  Failed,
  Loaded,
  PageHeader,
  Pager,
  Table,
  TextInput,
  formatDate,
  usePaging,
} from "../../shared/ui";
import { useSession, useWorkspace, type WorkspaceRole } from "../session";
import { userKeys, userQueries } from "../queries";

const SIZE = 20;

/** The tenant's people: search, invite, add to the current workspace. */
export function Members() {
  const { api, can } = useSession();
  const { current } = useWorkspace();
  const { t } = useTranslation();
  const [q, setQ] = useState("");
  const { page, setPage, filter } = usePaging();
  const [inviting, setInviting] = useState(false);
  const [added, setAdded] = useState<string | null>(null);
  const users = useQuery({
    ...userQueries.page(api, q, page, SIZE),
    placeholderData: keepPreviousData,
  });
  const addToWorkspace = useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: WorkspaceRole }) =>
      api(`/workspaces/${current!.id}/members`, { method: "POST", body: { userId, role } }),
    onSuccess: (_, { userId }) => setAdded(userId),
  });
  const canAdd = current?.role === "ADMIN";
  return (
    <>
      <PageHeader
        title={t("members.title")}
        actions={can("users:invite") && <Button onClick={() => setInviting(true)}>{t("members.invite")}</Button>}
      >
        {t("members.subtitle")}
      </PageHeader>
      <div className="mb-4 max-w-sm">
        <TextInput
          label={t("common.search")}
          type="search"
          placeholder={t("members.searchPlaceholder")}
          value={q}
          onChange={filter(setQ)}
        />
      </div>
      <Failed actions={[addToWorkspace]} />
      <Card>
        <Loaded
          query={users}
          loading={t("members.loading")}
          empty={<Empty title={q ? t("members.noMatch", { q }) : t("members.none")} />}
        >
          {(loaded) => (
            <>
              <Table
                caption={t("members.caption")}
                head={[
                  t("common.name"),
                  t("common.email"),
                  t("members.roles"),
                  t("common.status.label"),
                  t("members.since"),
                  "",
                ]}
              >
                {loaded.items.map((u) => (
                  <tr key={u.id}>
                    <td className="px-3 py-2 font-medium text-slate-900">{fullName(u)}</td>
                    <td className="px-3 py-2 text-slate-700">{u.email}</td>
                    <td className="px-3 py-2 text-slate-700">{u.roles.join(", ")}</td>
                    <td className="px-3 py-2">
                      <Badge>{u.status}</Badge>
                    </td>
                    <td className="px-3 py-2 text-slate-700">{formatDate(u.createdAt)}</td>
                    <td className="px-3 py-2 text-right">
                      {canAdd &&
                        (added === u.id ? (
                          <Done inline>{t("members.addedTo", { name: current!.name })}</Done>
                        ) : (
                          <Button
                            variant="ghost"
                            onClick={() => addToWorkspace.mutate({ userId: u.id, role: "MEMBER" })}
                          >
                            {t("members.addTo", { name: current!.name })}
                          </Button>
                        ))}
                    </td>
                  </tr>
                ))}
              </Table>
              <Pager page={page} size={SIZE} total={loaded.total} onPage={setPage} />
            </>
          )}
        </Loaded>
      </Card>
      <InviteUser open={inviting} onClose={() => setInviting(false)} />
    </>
  );
}

function InviteUser({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { api } = useSession();
  const { t } = useTranslation();
  const queries = useQueryClient();
  const [form, setForm] = useState({ email: "", firstName: "", lastName: "" });
  const invite = useMutation({
    mutationFn: () => api("/users", { method: "POST", body: { ...form, roles: ["user"] } }),
    onSuccess: () => {
      setForm({ email: "", firstName: "", lastName: "" });
      onClose();
      void queries.invalidateQueries({ queryKey: userKeys.all });
    },
  });
  const error = invite.error instanceof ApiError ? invite.error : undefined;
  const set = (field: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm({ ...form, [field]: e.target.value });
  return (
    <Dialog open={open} title={t("members.invite")} onClose={onClose}>
      <ActionForm action={invite} submit={t("members.send")} onCancel={onClose}>
        <TextInput
          label={t("common.email")}
          type="email"
          value={form.email}
          onChange={set("email")}
          error={error?.fieldError("email")}
        />
        <TextInput
          label={t("members.firstName")}
          value={form.firstName}
          onChange={set("firstName")}
          error={error?.fieldError("firstName")}
        />
        <TextInput
          label={t("members.lastName")}
          value={form.lastName}
          onChange={set("lastName")}
          error={error?.fieldError("lastName")}
        />
        <p className="text-xs text-slate-600">{t("members.inviteHint")}</p>
      </ActionForm>
    </Dialog>
  );
}
