import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate, useParams } from "@tanstack/react-router";
import { useState, type FormEvent } from "react";
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

const ROLES = [
  { value: "VIEWER", label: "Viewer: reads" },
  { value: "MEMBER", label: "Member: reads and writes" },
  { value: "ADMIN", label: "Admin: manages the workspace" },
];

type Tab = "general" | "members" | "invitations" | "teams" | "danger";

/** A workspace's settings: general, members, invitations, deletion. */
export function WorkspaceSettings() {
  const { workspaceId } = useParams({ strict: false }) as { workspaceId: string };
  const { api } = useSession();
  const [tab, setTab] = useState<Tab>("general");
  const workspace = useQuery({
    queryKey: ["workspace", workspaceId],
    queryFn: () => api<Workspace>(`/workspaces/${workspaceId}`),
  });
  if (workspace.isPending) return <Loading what="Loading the workspace" />;
  if (workspace.isError) return <ErrorBox error={workspace.error} retry={() => void workspace.refetch()} />;
  const w = workspace.data;
  const admin = w.role === "ADMIN";
  const tabs: { id: Tab; label: string }[] = [
    { id: "general", label: "General" },
    { id: "members", label: "Members" },
    { id: "invitations", label: "Invitations" },
    { id: "teams", label: "Teams" },
    ...(admin ? [{ id: "danger" as Tab, label: "Delete" }] : []),
  ];
  return (
    <>
      <PageHeader title={w.name}>
        Workspace settings · your role <Badge>{w.role}</Badge>
      </PageHeader>
      <div role="tablist" aria-label="Workspace settings" className="mb-6 flex gap-1 border-b border-slate-200">
        {tabs.map((t) => (
          <button
            key={t.id}
            role="tab"
            type="button"
            id={`tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`panel-${t.id}`}
            className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${tab === t.id ? "border-indigo-600 text-indigo-700" : "border-transparent text-slate-600 hover:text-slate-900"}`}
            onClick={() => setTab(t.id)}
          >
            {t.label}
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
  const queries = useQueryClient();
  const [name, setName] = useState(workspace.name);
  const [description, setDescription] = useState(workspace.description ?? "");
  const save = useMutation({
    mutationFn: () =>
      api<Workspace>(`/workspaces/${workspace.id}`, { method: "PATCH", body: { name, description } }),
    onSuccess: () => queries.invalidateQueries({ queryKey: ["workspace"] }).then(() => queries.invalidateQueries({ queryKey: ["workspaces"] })),
  });
  const error = save.error instanceof ApiError ? save.error : undefined;
  const readOnly = workspace.role !== "ADMIN";
  return (
    <Card title="General">
      <form
        className="max-w-lg space-y-4"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <TextInput label="Name" value={name} readOnly={readOnly} onChange={(e) => setName(e.target.value)} error={error?.fieldError("name")} />
        <TextInput
          label="Description"
          value={description}
          readOnly={readOnly}
          onChange={(e) => setDescription(e.target.value)}
          error={error?.fieldError("description")}
        />
        <p className="text-sm text-slate-600">Address: {workspace.slug} · created {formatDate(workspace.createdAt)}</p>
        {save.isError && !error?.errors.length ? <ErrorBox error={save.error} /> : null}
        {save.isSuccess && <p role="status" className="text-sm text-emerald-700">Saved.</p>}
        {!readOnly && (
          <Button type="submit" busy={save.isPending}>
            Save
          </Button>
        )}
      </form>
    </Card>
  );
}

function Members({ workspace }: { workspace: Workspace }) {
  const { api, me } = useSession();
  const queries = useQueryClient();
  const members = useQuery({
    queryKey: ["members", workspace.id],
    queryFn: () => api<Member[]>(`/workspaces/${workspace.id}/members`),
  });
  const refresh = () => queries.invalidateQueries({ queryKey: ["members", workspace.id] });
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
  if (members.isPending) return <Loading what="Loading members" />;
  if (members.isError) return <ErrorBox error={members.error} retry={() => void members.refetch()} />;
  return (
    <Card title={`Members (${members.data.length})`}>
      {changeRole.isError ? <ErrorBox error={changeRole.error} /> : null}
      <Table caption="Members of the workspace" head={["Name", "E-mail", "Role", "Joined", ""]}>
        {members.data.map((m) => (
          <tr key={m.userId}>
            <td className="px-3 py-2 font-medium text-slate-900">{m.displayName || m.username}</td>
            <td className="px-3 py-2 text-slate-700">{m.email}</td>
            <td className="px-3 py-2">
              {admin ? (
                <select
                  aria-label={`Role of ${m.displayName || m.username}`}
                  className="rounded border border-slate-300 px-2 py-1 text-sm"
                  value={m.role}
                  onChange={(e) => changeRole.mutate({ userId: m.userId, role: e.target.value as WorkspaceRole })}
                >
                  {ROLES.map((r) => (
                    <option key={r.value} value={r.value}>
                      {r.value}
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
                  {m.userId === me.subject ? "Leave" : "Remove"}
                </Button>
              )}
            </td>
          </tr>
        ))}
      </Table>
      <ConfirmDialog
        {...remove.dialog}
        title={removing?.userId === me.subject ? "Leave the workspace?" : "Remove this member?"}
        message={`${removing?.displayName || removing?.username} loses access to ${workspace.name} and its teams.`}
        confirm={removing?.userId === me.subject ? "Leave" : "Remove"}
      />
    </Card>
  );
}

interface Invitation {
  id: string;
  email: string;
  role: WorkspaceRole;
  status: string;
  createdAt: string;
  expiresAt: string;
  token?: string;
  delivery?: "JOIN_LINK_MAILED" | "ACCOUNT_SETUP_MAILED" | "NOT_MAILED";
}

interface Sent {
  email: string;
  delivery: Invitation["delivery"];
  link: string;
}

function Invitations({ workspace }: { workspace: Workspace }) {
  const { api, tenant } = useSession();
  const queries = useQueryClient();
  const admin = workspace.role === "ADMIN";
  const invitations = useQuery({
    queryKey: ["invitations", workspace.id],
    queryFn: () => api<Invitation[]>(`/workspaces/${workspace.id}/invitations`),
    enabled: admin,
  });
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<WorkspaceRole>("MEMBER");
  const [sent, setSent] = useState<Sent | null>(null);
  const invite = useMutation({
    mutationFn: () =>
      api<Invitation>(`/workspaces/${workspace.id}/invitations`, { method: "POST", body: { email, role } }),
    onSuccess: (created) => {
      setSent({
        email: created.email,
        delivery: created.delivery,
        link: `${window.location.origin}/invitations/accept?tenant=${encodeURIComponent(tenant.slug)}&token=${encodeURIComponent(created.token ?? "")}`,
      });
      setEmail("");
      void queries.invalidateQueries({ queryKey: ["invitations", workspace.id] });
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => api(`/workspaces/${workspace.id}/invitations/${id}/revoke`, { method: "POST" }),
    onSettled: () => queries.invalidateQueries({ queryKey: ["invitations", workspace.id] }),
  });
  if (!admin) {
    return <Empty title="Only the workspace's admins invite people">Ask one of them to invite whom you need.</Empty>;
  }
  const error = invite.error instanceof ApiError ? invite.error : undefined;
  return (
    <div className="space-y-6">
      <Card title="Invite someone">
        <form
          className="grid max-w-2xl gap-4 sm:grid-cols-[1fr_12rem_auto] sm:items-end"
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            setSent(null);
            invite.mutate();
          }}
          noValidate
        >
          <TextInput label="E-mail" type="email" value={email} onChange={(e) => setEmail(e.target.value)} error={error?.fieldError("email")} />
          <SelectInput label="Role" value={role} options={ROLES.map((r) => ({ value: r.value, label: r.value }))} onChange={(e) => setRole(e.target.value as WorkspaceRole)} />
          <Button type="submit" busy={invite.isPending}>
            Invite
          </Button>
        </form>
        {invite.isError && !error?.errors.length ? <div className="mt-4"><ErrorBox error={invite.error} /></div> : null}
        {sent && (
          <div role="status" className="mt-4 rounded-md bg-emerald-50 p-3 text-sm text-emerald-900">
            <p className="font-medium">
              {sent.delivery === "ACCOUNT_SETUP_MAILED"
                ? `Invitation sent. ${sent.email} had no account: we made one and mailed a link to set a password, which then leads to the invitation.`
                : sent.delivery === "JOIN_LINK_MAILED"
                  ? `Invitation mailed to ${sent.email}.`
                  : "Invitation created, but no mail server is set up: send this link to the person you invited."}
            </p>
            <details className="mt-2">
              <summary className="cursor-pointer">The invitation's link (shown only once)</summary>
              <input readOnly aria-label="Invitation link" value={sent.link} className="mt-2 w-full rounded border border-emerald-300 bg-white px-2 py-1 font-mono text-xs" onFocus={(e) => e.target.select()} />
            </details>
          </div>
        )}
      </Card>
      <Card title="Invitations">
        {invitations.isPending ? (
          <Loading what="Loading invitations" />
        ) : invitations.isError ? (
          <ErrorBox error={invitations.error} />
        ) : invitations.data.length === 0 ? (
          <Empty title="No invitations yet" />
        ) : (
          <Table caption="Invitations" head={["E-mail", "Role", "Status", "Expires", ""]}>
            {invitations.data.map((i) => (
              <tr key={i.id}>
                <td className="px-3 py-2">{i.email}</td>
                <td className="px-3 py-2"><Badge>{i.role}</Badge></td>
                <td className="px-3 py-2"><Badge>{i.status}</Badge></td>
                <td className="px-3 py-2">{formatDate(i.expiresAt)}</td>
                <td className="px-3 py-2 text-right">
                  {i.status === "PENDING" && (
                    <Button variant="ghost" onClick={() => revoke.mutate(i.id)}>
                      Revoke
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
      await queries.invalidateQueries({ queryKey: ["workspaces"] });
      void navigate({ to: "/" });
    },
  });
  return (
    <Card title="Delete the workspace">
      <p className="mb-4 text-sm text-slate-700">
        Deleting {workspace.name} removes its members, teams, shares and files for good.
      </p>
      <Button variant="danger" onClick={() => setConfirming(true)}>
        Delete workspace
      </Button>
      <ConfirmDialog
        open={confirming}
        title={`Delete ${workspace.name}?`}
        message={typedSlug.field}
        confirm="Delete for good"
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
