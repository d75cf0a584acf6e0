import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { TFunction } from "i18next";
import { ApiError } from "../../shared/api";
import {
  Badge,
  Button,
  Card,
  ConfirmDialog,
  Empty,
  ErrorBox,
  Loading,
  PageHeader,
  SelectInput,
  Table,
  TextInput,
  formatDate,
  useConfirmation,
  useTypedConfirmation,
} from "../../shared/ui";
import { TeamsOf } from "./Teams";
import { useSession, useWorkspace, type Member, type Workspace, type WorkspaceRole } from "../session";
import type * as Schemas from "../../shared/api-types.gen";
import { workspaceRoute } from "../routes";
import { workspaceKeys, workspaceQueries } from "../queries";

const ROLES: WorkspaceRole[] = ["VIEWER", "MEMBER", "ADMIN"];

/** The roles by their names in the page's language ("Member"), their codes as values. */
const roleOptions = (t: TFunction) => ROLES.map((r) => ({ value: r, label: t(`common.status.${r}`) }));

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

function General({ workspace }: { workspace: Workspace }) {
  const { api } = useSession();
  const { t } = useTranslation();
  const queries = useQueryClient();
  const [name, setName] = useState(workspace.name);
  const [description, setDescription] = useState(workspace.description ?? "");
  const save = useMutation({
    mutationFn: () =>
      api<Workspace>(`/workspaces/${workspace.id}`, { method: "PATCH", body: { name, description } }),
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
      <form
        className="max-w-lg space-y-4"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <TextInput label={t("common.name")} value={name} readOnly={readOnly} onChange={(e) => setName(e.target.value)} error={error?.fieldError("name")} />
        <TextInput
          label={t("teams.description")}
          value={description}
          readOnly={readOnly}
          onChange={(e) => setDescription(e.target.value)}
          error={error?.fieldError("description")}
        />
        <p className="text-sm text-slate-600">{t("workspace.addressCreated", { slug: workspace.slug, date: formatDate(workspace.createdAt) })}</p>
        {save.isError && !error?.errors.length ? <ErrorBox error={save.error} /> : null}
        {save.isSuccess && <p role="status" className="text-sm text-emerald-700">{t("common.saved")}</p>}
        {!readOnly && (
          <Button type="submit" busy={save.isPending}>
            {t("common.save")}
          </Button>
        )}
      </form>
    </Card>
  );
}

function Members({ workspace }: { workspace: Workspace }) {
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
        message={t("workspace.removeText", { person: removing?.displayName || removing?.username, name: workspace.name })}
        confirm={removing?.userId === me.subject ? t("workspace.leave") : t("teams.remove")}
      />
    </Card>
  );
}

type Invitation = Schemas.Invitation;

type InvitationDelivery = Schemas.Invitation["delivery"];

interface Sent {
  email: string;
  link?: string;
}

function Invitations({ workspace }: { workspace: Workspace }) {
  const { api, tenant } = useSession();
  const { t } = useTranslation();
  const queries = useQueryClient();
  const admin = workspace.role === "ADMIN";
  const invitations = useQuery({
    ...workspaceQueries.invitations(api, workspace.id),
    enabled: admin,
    // A queued invitation is mailed within seconds: look again until none waits.
    refetchInterval: (query) => (query.state.data?.some((i) => i.delivery === "QUEUED") ? 2000 : false),
  });
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<WorkspaceRole>("MEMBER");
  const [sent, setSent] = useState<Sent | null>(null);
  const invite = useMutation({
    mutationFn: () =>
      api<Invitation>(`/workspaces/${workspace.id}/invitations`, { method: "POST", body: { email, role } }),
    onSuccess: (created) => {
      showSent(created);
      setEmail("");
    },
  });
  function showSent(invitation: Invitation) {
    setSent({
      email: invitation.email,
      link: invitation.token
        ? `${window.location.origin}/invitations/accept?tenant=${encodeURIComponent(tenant.slug)}&token=${encodeURIComponent(invitation.token)}`
        : undefined,
    });
    void queries.invalidateQueries({ queryKey: workspaceKeys.invitations(workspace.id) });
  }
  const resend = useMutation({
    mutationFn: (id: string) => api<Invitation>(`/workspaces/${workspace.id}/invitations/${id}/resend`, { method: "POST" }),
    onSuccess: showSent,
  });
  const revoke = useMutation({
    mutationFn: (id: string) => api(`/workspaces/${workspace.id}/invitations/${id}/revoke`, { method: "POST" }),
    onSettled: () => queries.invalidateQueries({ queryKey: workspaceKeys.invitations(workspace.id) }),
  });
  if (!admin) {
    return <Empty title={t("workspace.onlyAdminsInvite")}>{t("workspace.askAdmin")}</Empty>;
  }
  const deliveryText: Record<InvitationDelivery, string> = {
    QUEUED: t("workspace.deliveryOf.QUEUED"),
    JOIN_LINK_MAILED: t("workspace.deliveryOf.JOIN_LINK_MAILED"),
    ACCOUNT_SETUP_MAILED: t("workspace.deliveryOf.ACCOUNT_SETUP_MAILED"),
    NOT_MAILED: t("workspace.deliveryOf.NOT_MAILED"),
    FAILED: t("workspace.deliveryOf.FAILED"),
  };
  const error = invite.error instanceof ApiError ? invite.error : undefined;
  return (
    <div className="space-y-6">
      <Card title={t("workspace.inviteSomeone")}>
        <form
          className="grid max-w-2xl gap-4 sm:grid-cols-[1fr_12rem_auto] sm:items-end"
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            setSent(null);
            invite.mutate();
          }}
          noValidate
        >
          <TextInput label={t("common.email")} type="email" value={email} onChange={(e) => setEmail(e.target.value)} error={error?.fieldError("email")} />
          <SelectInput label={t("common.role")} value={role} options={roleOptions(t)} onChange={(e) => setRole(e.target.value as WorkspaceRole)} />
          <Button type="submit" busy={invite.isPending}>
            {t("members.send")}
          </Button>
        </form>
        {invite.isError && !error?.errors.length ? <div className="mt-4"><ErrorBox error={invite.error} /></div> : null}
        {sent && (
          <div role="status" className="mt-4 rounded-md bg-emerald-50 p-3 text-sm text-emerald-900">
            <p className="font-medium">
              {sent.link ? t("workspace.sentNoMail") : t("workspace.sentQueued", { email: sent.email })}
            </p>
            {sent.link && (
              <details className="mt-2">
                <summary className="cursor-pointer">{t("workspace.linkOnce")}</summary>
                <input readOnly aria-label={t("workspace.link")} value={sent.link} className="mt-2 w-full rounded border border-emerald-300 bg-white px-2 py-1 font-mono text-xs" onFocus={(e) => e.target.select()} />
              </details>
            )}
          </div>
        )}
      </Card>
      <Card title={t("workspace.invitations")}>
        {resend.isError || revoke.isError ? <div className="mb-4"><ErrorBox error={resend.error ?? revoke.error} /></div> : null}
        {invitations.isPending ? (
          <Loading what={t("workspace.loadingInvitations")} />
        ) : invitations.isError ? (
          <ErrorBox error={invitations.error} />
        ) : invitations.data.length === 0 ? (
          <Empty title={t("workspace.noInvitations")} />
        ) : (
          <Table
            caption={t("workspace.invitations")}
            head={[t("common.email"), t("common.role"), t("common.status.label"), t("workspace.delivery"), t("workspace.expires"), ""]}
          >
            {invitations.data.map((i) => (
              <tr key={i.id}>
                <td className="px-3 py-2">{i.email}</td>
                <td className="px-3 py-2"><Badge>{i.role}</Badge></td>
                <td className="px-3 py-2"><Badge>{i.status}</Badge></td>
                <td className="px-3 py-2">{i.delivery ? deliveryText[i.delivery] : ""}</td>
                <td className="px-3 py-2">{formatDate(i.expiresAt)}</td>
                <td className="flex justify-end gap-1 px-3 py-2">
                  {(i.status === "PENDING" || i.status === "EXPIRED") && (
                    <Button
                      variant="ghost"
                      busy={resend.isPending && resend.variables === i.id}
                      aria-label={t("workspace.resendTo", { email: i.email })}
                      onClick={() => {
                        setSent(null);
                        resend.mutate(i.id);
                      }}
                    >
                      {t("workspace.resend")}
                    </Button>
                  )}
                  {i.status === "PENDING" && (
                    <Button variant="ghost" onClick={() => revoke.mutate(i.id)}>
                      {t("workspace.revoke")}
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </Table>
        )}
      </Card>
    </div>
  );
}

function Delete({ workspace }: { workspace: Workspace }) {
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
