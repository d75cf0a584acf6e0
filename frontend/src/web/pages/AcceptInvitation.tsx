import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useEffect, useRef } from "react";
import { Card, ErrorBox, Loading } from "../../shared/ui";
import { useSession, useWorkspace } from "../session";

interface Accepted {
  workspaceId: string;
}

/** Where an invitation link lands: the logged-in user joins the workspace with the link's token. */
export function AcceptInvitation() {
  const { api } = useSession();
  const { select } = useWorkspace();
  const queries = useQueryClient();
  const token = new URLSearchParams(window.location.search).get("token") ?? "";
  const accept = useMutation({
    mutationFn: () => api<Accepted>("/workspace-invitations/accept", { method: "POST", body: { token } }),
    onSuccess: async (joined) => {
      await queries.invalidateQueries({ queryKey: ["workspaces"] });
      if (joined?.workspaceId) select(joined.workspaceId);
    },
  });
  const { mutate } = accept;
  const started = useRef(false);
  useEffect(() => {
    // Once: a token is good for one acceptance.
    if (!started.current) {
      started.current = true;
      mutate();
    }
  }, [mutate]);
  return (
    <Card title="Invitation">
      {accept.isPending || accept.isIdle ? (
        <Loading what="Accepting the invitation" />
      ) : accept.isError ? (
        <ErrorBox error={accept.error} />
      ) : (
        <p role="status" className="text-sm text-slate-800">
          You joined the workspace. <Link to="/" className="text-indigo-700 underline">Go to the dashboard</Link>
        </p>
      )}
    </Card>
  );
}
