import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { Badge, Button, Card, ErrorBox, Loading, formatDate } from "../../shared/ui";
import { useSession, useWorkspace } from "../session";
import { tenantQueries, workspaceKeys } from "../queries";

/**
 * Where an invitation link lands, after login: what the invitation offers, then Accept or Decline.
 * The token travels in request bodies only.
 */
export function AcceptInvitation() {
  const { api, me } = useSession();
  const { select } = useWorkspace();
  const { t } = useTranslation();
  const queries = useQueryClient();
  const token = new URLSearchParams(window.location.search).get("token") ?? "";
  const offer = useQuery({ ...tenantQueries.invitationOffer(api, token), retry: false });
  const accept = useMutation({
    mutationFn: () =>
      api<{ workspaceId: string }>("/workspace-invitations/accept", { method: "POST", body: { token } }),
    onSuccess: async (joined) => {
      await queries.invalidateQueries({ queryKey: workspaceKeys.list });
      if (joined?.workspaceId) select(joined.workspaceId);
    },
  });
  const decline = useMutation({
    mutationFn: () => api("/workspace-invitations/decline", { method: "POST", body: { token } }),
  });
  if (offer.isPending)
    return (
      <Card title={t("invitation.title")}>
        <Loading what={t("invitation.opening")} />
      </Card>
    );
  if (offer.isError)
    return (
      <Card title={t("invitation.title")}>
        <ErrorBox error={offer.error} />
      </Card>
    );
  const { workspaceName, role, email, expiresAt, forYou } = offer.data;
  return (
    <Card title={t("invitation.to", { name: workspaceName })}>
      {accept.isSuccess ? (
        <p role="status" className="text-sm text-slate-800">
          {t("invitation.joined", { name: workspaceName, role: t(`common.status.${role}`).toLowerCase() })}{" "}
          <Link to="/" className="text-indigo-700 underline">
            {t("invitation.open")}
          </Link>
        </p>
      ) : decline.isSuccess ? (
        <p role="status" className="text-sm text-slate-800">
          {t("invitation.declined", { name: workspaceName })}{" "}
          <Link to="/" className="text-indigo-700 underline">
            {t("invitation.dashboard")}
          </Link>
        </p>
      ) : (
        <div className="space-y-4 text-sm text-slate-800">
          <p>
            {t("invitation.offer", { name: workspaceName })} <Badge>{role}</Badge>.{" "}
            {t("invitation.validUntil", { date: formatDate(expiresAt) })}
          </p>
          {!forYou && (
            <p role="alert" className="rounded-md bg-amber-50 p-3 text-amber-900">
              {t("invitation.otherRecipient", { email, me: me.email || me.username })}
            </p>
          )}
          {(accept.isError || decline.isError) && <ErrorBox error={accept.error ?? decline.error} />}
          <div className="flex gap-2">
            <Button onClick={() => accept.mutate()} busy={accept.isPending} disabled={!forYou || decline.isPending}>
              {t("invitation.accept")}
            </Button>
            <Button
              variant="secondary"
              onClick={() => decline.mutate()}
              busy={decline.isPending}
              disabled={!forYou || accept.isPending}
            >
              {t("invitation.decline")}
            </Button>
          </div>
        </div>
      )}
    </Card>
  );
}
