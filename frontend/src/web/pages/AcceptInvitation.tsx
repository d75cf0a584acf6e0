import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { Badge, Button, Card, ErrorBox, Loading, formatDate } from "../../shared/ui";
import { useSession, useWorkspace } from "../session";

interface Offer {
  workspaceId: string;
  workspaceName: string;
  email: string;
  role: "ADMIN" | "MEMBER" | "VIEWER";
  expiresAt: string;
  forYou: boolean;
}

/**
 * Where an invitation link lands, after login: what the invitation offers, then Accept or Decline.
 * The token travels in request bodies only.
 */
export function AcceptInvitation() {
  const { api, me } = useSession();
  const { select } = useWorkspace();
  const queries = useQueryClient();
  const token = new URLSearchParams(window.location.search).get("token") ?? "";
  const offer = useQuery({
    queryKey: ["invitation-offer", token],
    queryFn: () => api<Offer>("/workspace-invitations/preview", { method: "POST", body: { token } }),
    retry: false,
  });
  const accept = useMutation({
    mutationFn: () => api<{ workspaceId: string }>("/workspace-invitations/accept", { method: "POST", body: { token } }),
    onSuccess: async (joined) => {
      await queries.invalidateQueries({ queryKey: ["workspaces"] });
      if (joined?.workspaceId) select(joined.workspaceId);
    },
  });
  const decline = useMutation({
    mutationFn: () => api("/workspace-invitations/decline", { method: "POST", body: { token } }),
  });
  if (offer.isPending) return <Card title="Invitation"><Loading what="Opening the invitation" /></Card>;
  if (offer.isError) return <Card title="Invitation"><ErrorBox error={offer.error} /></Card>;
  const { workspaceName, role, email, expiresAt, forYou } = offer.data;
  return (
    <Card title={`Invitation to ${workspaceName}`}>
      {accept.isSuccess ? (
        <p role="status" className="text-sm text-slate-800">
          You joined {workspaceName} as {role.toLowerCase()}.{" "}
          <Link to="/" className="text-indigo-700 underline">Open the workspace</Link>
        </p>
      ) : decline.isSuccess ? (
        <p role="status" className="text-sm text-slate-800">
          You declined the invitation to {workspaceName}. <Link to="/" className="text-indigo-700 underline">Go to the dashboard</Link>
        </p>
      ) : (
        <div className="space-y-4 text-sm text-slate-800">
          <p>
            You are invited to the workspace <strong>{workspaceName}</strong> as <Badge>{role}</Badge>. The invitation is
            valid until {formatDate(expiresAt)}.
          </p>
          {!forYou && (
            <p role="alert" className="rounded-md bg-amber-50 p-3 text-amber-900">
              It was sent to {email}, but you are logged in as {me.email || me.username}. Log in with the invited address to accept it.
            </p>
          )}
          {(accept.isError || decline.isError) && <ErrorBox error={accept.error ?? decline.error} />}
          <div className="flex gap-2">
            <Button onClick={() => accept.mutate()} busy={accept.isPending} disabled={!forYou || decline.isPending}>
              Accept
            </Button>
            <Button variant="secondary" onClick={() => decline.mutate()} busy={decline.isPending} disabled={!forYou || accept.isPending}>
              Decline
            </Button>
          </div>
        </div>
      )}
    </Card>
  );
}
