import type { TFunction } from "i18next";
import type { WorkspaceRole } from "../../session";

export const ROLES: WorkspaceRole[] = ["VIEWER", "MEMBER", "ADMIN"];

/** The roles by their names in the page's language ("Member"), their codes as values. */
export const roleOptions = (t: TFunction) => ROLES.map((r) => ({ value: r, label: t(`common.status.${r}`) }));
