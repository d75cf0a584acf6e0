import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../../shared/api";
import {
  Badge,
  Button,
  Card,
  Empty,
  ErrorBox,
  Failed,
  Loaded,
  SelectInput,
  Table,
  TextInput,
  formatDate,
} from "../../../shared/ui";
import { useSession, type Workspace, type WorkspaceRole } from "../../session";
import type * as Schemas from "../../../shared/api-types.gen";
import { workspaceKeys, workspaceQueries } from "../../queries";
import { roleOptions } from "./roles";

type Invitation = Schemas.Invitation;

type InvitationDelivery = Schemas.Invitation["delivery"];

interface Sent {
  email: string;
  link?: string;
}

export function Invitations({ workspace }: { workspace: Workspace }) {
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
    mutationFn: (id: string) =>
      api<Invitation>(`/workspaces/${workspace.id}/invitations/${id}/resend`, { method: "POST" }),
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
          <TextInput
            label={t("common.email")}
            type="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            error={error?.fieldError("email")}
          />
          <SelectInput
            label={t("common.role")}
            value={role}
            options={roleOptions(t)}
            onChange={(e) => setRole(e.target.value as WorkspaceRole)}
          />
          <Button type="submit" busy={invite.isPending}>
            {t("members.send")}
          </Button>
        </form>
        {invite.isError && !error?.errors.length ? (
          <div className="mt-4">
            <ErrorBox error={invite.error} />
          </div>
        ) : null}
        {sent && (
          <div role="status" className="mt-4 rounded-md bg-emerald-50 p-3 text-sm text-emerald-900">
            <p className="font-medium">
              {sent.link ? t("workspace.sentNoMail") : t("workspace.sentQueued", { email: sent.email })}
            </p>
            {sent.link && (
              <details className="mt-2">
                <summary className="cursor-pointer">{t("workspace.linkOnce")}</summary>
                <input
                  readOnly
                  aria-label={t("workspace.link")}
                  value={sent.link}
                  className="mt-2 w-full rounded border border-emerald-300 bg-white px-2 py-1 font-mono text-xs"
                  onFocus={(e) => e.target.select()}
                />
              </details>
            )}
          </div>
        )}
      </Card>
      <Card title={t("workspace.invitations")}>
        <Failed actions={[resend, revoke]} />
        <Loaded
          query={invitations}
          loading={t("workspace.loadingInvitations")}
          empty={<Empty title={t("workspace.noInvitations")} />}
        >
          {(loaded) => (
            <Table
              caption={t("workspace.invitations")}
              head={[
                t("common.email"),
                t("common.role"),
                t("common.status.label"),
                t("workspace.delivery"),
                t("workspace.expires"),
                "",
              ]}
            >
              {loaded.map((i) => (
                <tr key={i.id}>
                  <td className="px-3 py-2">{i.email}</td>
                  <td className="px-3 py-2">
                    <Badge>{i.role}</Badge>
                  </td>
                  <td className="px-3 py-2">
                    <Badge>{i.status}</Badge>
                  </td>
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
        </Loaded>
      </Card>
    </div>
  );
}
