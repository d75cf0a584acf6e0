import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../shared/api";
import { ActionForm, Badge, Card, SelectInput, formatDate, formatNumber } from "../../shared/ui";
import { useApi, type Tenant } from "../context";
import type * as Schemas from "../../shared/api-types.gen";
import { databaseClusterQueries, tenantKeys, tenantQueries } from "../queries";

/** Moves the tenant's data to another database cluster and follows the move to its end. */
export function DatabaseMoveCard({ tenant }: { tenant: Tenant }) {
  const api = useApi();
  const { t } = useTranslation();
  const queries = useQueryClient();
  const clusters = useQuery(databaseClusterQueries.list(api));
  const others = (clusters.data?.items ?? []).filter((c) => c.id !== tenant.placement.databaseCluster);
  const [target, setTarget] = useState("");
  const moves = useQuery({
    ...tenantQueries.databaseMoves(api, tenant.id),
    refetchInterval: (q) => (q.state.data?.items[0]?.state === "RUNNING" ? 500 : false),
  });
  const latest = moves.data?.items[0];
  // Once the move is over, the tenant's placement (and the clusters' counts) changed.
  const state = latest?.state;
  useEffect(() => {
    if (state && state !== "RUNNING") {
      void queries.invalidateQueries({ queryKey: tenantKeys.one(tenant.id), exact: true });
      void queries.invalidateQueries({ queryKey: databaseClusterQueries.list(api).queryKey });
    }
  }, [state, queries, tenant.id, api]);
  const move = useMutation({
    mutationFn: () =>
      api<Schemas.DatabaseMove>(`/tenants/${tenant.id}/database-moves`, {
        method: "POST",
        body: { databaseCluster: target || others[0]?.id },
      }),
    onSuccess: () => void moves.refetch(),
  });
  const error = move.error instanceof ApiError ? move.error : undefined;
  if (others.length === 0 && !latest) return null;
  return (
    <Card title={t("tenant.databaseMove")}>
      {latest && (
        <div className="mb-4 space-y-1 text-sm" data-testid="database-move">
          <p>
            <Badge>{latest.state}</Badge>{" "}
            {t("tenant.moveFromTo", { source: latest.sourceCluster, target: latest.targetCluster })}
          </p>
          {latest.state === "RUNNING" && (
            <p className="text-slate-700">
              {t("tenant.moveStep", { step: latest.step })}{" "}
              {latest.tablesCopied > 0 &&
                t("tenant.moveCopiedSoFar", {
                  tables: formatNumber(latest.tablesCopied),
                  rows: formatNumber(latest.rowsCopied),
                })}
            </p>
          )}
          {latest.state === "DONE" && (
            <p className="text-slate-700">
              {t("tenant.moveCopied", {
                tables: formatNumber(latest.tablesCopied),
                rows: formatNumber(latest.rowsCopied),
              })}{" "}
              {latest.endedAt && formatDate(latest.endedAt)}
            </p>
          )}
          {latest.error && <p className="text-red-700">{latest.error}</p>}
        </div>
      )}
      {others.length > 0 &&
        latest?.state !== "RUNNING" &&
        (tenant.status === "ACTIVE" || tenant.status === "SUSPENDED") && (
          <ActionForm
            action={move}
            submit={t("tenant.moveData")}
            className="space-y-3"
            placed={(e) => e.errors.length > 0}
          >
            <p className="text-sm text-slate-700">{t("tenant.moveText")}</p>
            <SelectInput
              label={t("tenant.moveTarget")}
              value={target || others[0].id}
              onChange={(e) => setTarget(e.target.value)}
              options={others.map((c) => ({
                value: c.id,
                label: t("newTenant.clusterOption", { id: c.id, count: c.tenants }),
              }))}
              error={error?.fieldError("databaseCluster")}
            />
          </ActionForm>
        )}
    </Card>
  );
}
