import { useTranslation } from "react-i18next";
import { Empty } from "../shared/ui";
import { useSession } from "./session";

/** What pages of a workspace show to someone who is in none yet. */
export function NoWorkspace() {
  const { can } = useSession();
  const { t } = useTranslation();
  return (
    <Empty title={t("noWorkspace.title")}>
      {can("workspaces:create") ? t("noWorkspace.create") : t("noWorkspace.ask")}
    </Empty>
  );
}
