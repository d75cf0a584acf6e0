import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { ActionForm, Badge, Card, formatDate, formatNumber } from "../../shared/ui";
import { useApi, type Tenant } from "../context";
import type * as Schemas from "../../shared/api-types.gen";
import { tenantKeys, tenantQueries } from "../queries";

type Home = "REALM" | "ORGANIZATION";

/** Moves the tenant's people to the other identity home and follows the move to its end. */
export function IdentityMoveCard({ tenant }: { tenant: Tenant }) {
  const api = useApi();
  const { t } = useTranslation();
  const queries = useQueryClient();
  const moves = useQuery({
    ...tenantQueries.identityMoves(api, tenant.id),
    refetchInterval: (q) => (q.state.data?.items[0]?.state === "RUNNING" ? 500 : false),
  });
  const latest = moves.data?.items[0];
  // Once the move is over, the tenant's placement changed.
  const state = latest?.state;
  useEffect(() => {
    if (state && state !== "RUNNING") {
      void queries.invalidateQueries({ queryKey: tenantKeys.one(tenant.id), exact: true });
    }
  }, [state, queries, tenant.id]);
  const target: Home = tenant.placement.identityHome === "REALM" ? "ORGANIZATION" : "REALM";
  const move = useMutation({
    mutationFn: () =>
      api<Schemas.IdentityMove>(`/tenants/${tenant.id}/identity-moves`, {
        method: "POST",
        body: { identityHome: target },
      }),
    onSuccess: () => void moves.refetch(),
  });
  const home = (kind: string, realm: string) =>
    kind === "REALM" ? t("tenant.moveHomeRealm", { realm }) : t("tenant.moveHomeOrganization", { realm });
  return (
    <Card title={t("tenant.identityMove")}>
      {latest && (
        <div className="mb-4 space-y-1 text-sm" data-testid="identity-move">
          <p>
            <Badge>{latest.state}</Badge>{" "}
            {t("tenant.moveFromTo", {
              source: home(latest.sourceHome, latest.sourceRealm),
              target: home(latest.targetHome, latest.targetRealm),
            })}
          </p>
          {latest.state === "RUNNING" && (
            <p className="text-slate-700">{t("tenant.identityMoveStep", { step: latest.step })}</p>
          )}
          {latest.state === "DONE" && (
            <p className="text-slate-700">
              {t("tenant.identityMoved", {
                people: formatNumber(latest.people),
                serviceAccounts: formatNumber(latest.serviceAccounts),
              })}{" "}
              {latest.endedAt && formatDate(latest.endedAt)}
            </p>
          )}
          {latest.error && <p className="text-red-700">{latest.error}</p>}
        </div>
      )}
      {latest?.state !== "RUNNING" && tenant.status === "ACTIVE" && (
        <ActionForm
          action={move}
          submit={target === "REALM" ? t("tenant.identityMoveToRealm") : t("tenant.identityMoveToOrganization")}
          className="space-y-3"
        >
          <p className="text-sm text-slate-700">{t("tenant.identityMoveText")}</p>
        </ActionForm>
      )}
    </Card>
  );
}
