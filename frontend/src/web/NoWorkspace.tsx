import { Empty } from "../shared/ui";
import { useSession } from "./session";

/** What pages of a workspace show to someone who is in none yet. */
export function NoWorkspace() {
  const { can } = useSession();
  return (
    <Empty title="You are not in any workspace yet">
      {can("workspaces:create")
        ? "Create one with + New workspace in the header, or ask to be invited to one."
        : "Ask a workspace's administrator to invite you."}
    </Empty>
  );
}
