import { useTranslation } from "react-i18next";
import { Badge } from "../../shared/ui";
import type { MarketplaceVersion } from "../queries";

type Requirement = MarketplaceVersion["requires"][number];

/** One plugin another needs, with what it needs in turn. */
export type RequirementNode = Requirement & { needs: RequirementNode[] };

/** The server's requirements (depth first, each with its depth) as the tree they describe. */
export function requirementTree(requires: Requirement[]): RequirementNode[] {
  const roots: RequirementNode[] = [];
  const path: RequirementNode[] = [];
  for (const requirement of requires) {
    const node = { ...requirement, needs: [] };
    path.length = Math.min(path.length, requirement.depth);
    (path.length === 0 ? roots : path[path.length - 1].needs).push(node);
    path.push(node);
  }
  return roots;
}

/**
 * What installing a plugin needs, as a tree of nested lists (so a screen reader says the levels
 * too): each plugin it depends on, with the version this organization has or the fact that it
 * must be installed first.
 */
export function Requirements({ requires }: { requires: Requirement[] }) {
  const { t } = useTranslation();
  if (requires.length === 0) return null;
  return (
    <div className="mt-3 text-sm" data-testid="plugin-requirements">
      <p className="font-medium text-slate-800">{t("plugins.needs")}</p>
      <RequirementList nodes={requirementTree(requires)} />
    </div>
  );
}

function RequirementList({ nodes, nested = false }: { nodes: RequirementNode[]; nested?: boolean }) {
  const { t } = useTranslation();
  return (
    <ul className={nested ? "mt-1 ml-5 space-y-1 border-l border-slate-200 pl-2" : "mt-1 space-y-1"}>
      {nodes.map((r) => (
        <li key={r.pluginId} className="text-slate-700">
          <span className="font-mono">{r.pluginId}</span> <span className="text-slate-600">{r.versionRange}</span>{" "}
          {r.met ? (
            <Badge>{t("plugins.needMet", { version: r.installed })}</Badge>
          ) : r.installed ? (
            <Badge>{t("plugins.needWrongVersion", { version: r.installed })}</Badge>
          ) : (
            <Badge>{t("plugins.needInstallFirst")}</Badge>
          )}
          {r.needs.length > 0 && <RequirementList nodes={r.needs} nested />}
        </li>
      ))}
    </ul>
  );
}
