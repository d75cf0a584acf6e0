import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  Badge,
  Button,
  Card,
  Empty,
  Failed,
  Loaded,
  PageHeader,
  Pager,
  SelectInput,
  Table,
  TextInput,
  formatDate,
  usePaging,
} from "../../shared/ui";
import { useApi } from "../context";
import { ReasonDialog } from "../ReasonDialog";
import type * as Schemas from "../../shared/api-types.gen";

type ModeratedReview = Schemas.ModeratedReview;

const SIZE = 20;
const reviewsKey = ["plugin-reviews"] as const;

/**
 * Moderation: every review with the tenant that wrote it (which no other tenant sees), newest
 * first, narrowed to one plugin or to the hidden ones; hide one with a reason its tenant will read,
 * or show it again.
 */
export function Reviews() {
  const api = useApi();
  const { t } = useTranslation();
  const queries = useQueryClient();
  const [pluginId, setPluginId] = useState("");
  const [hidden, setHidden] = useState("");
  const { page, setPage, filter } = usePaging();
  const [hiding, setHiding] = useState<ModeratedReview | null>(null);
  const found = useQuery({
    queryKey: [...reviewsKey, pluginId, hidden, page] as const,
    queryFn: () =>
      api<Schemas.ModeratedReviewPage>("/admin/plugin-reviews", {
        query: { pluginId: pluginId.trim() || undefined, hidden: hidden || undefined, page, size: SIZE },
      }),
    placeholderData: keepPreviousData,
  });
  const refresh = () => void queries.invalidateQueries({ queryKey: reviewsKey });
  const show = useMutation({
    mutationFn: (r: ModeratedReview) =>
      api(`/admin/plugin-reviews/${encodeURIComponent(r.pluginId)}/${encodeURIComponent(r.tenantSlug)}/show`, {
        method: "POST",
      }),
    onSuccess: refresh,
  });
  return (
    <>
      <PageHeader title={t("console.reviews")}>{t("moderation.subtitle")}</PageHeader>
      <Failed actions={[show]} />
      <div className="mb-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <TextInput label={t("moderation.plugin")} type="search" value={pluginId} onChange={filter(setPluginId)} />
        <SelectInput
          label={t("moderation.state")}
          value={hidden}
          onChange={filter(setHidden)}
          options={[
            { value: "", label: t("common.any") },
            { value: "false", label: t("moderation.shown") },
            { value: "true", label: t("moderation.hiddenOnes") },
          ]}
        />
      </div>
      <Card>
        <Loaded
          query={found}
          loading={t("moderation.loading")}
          empty={<Empty title={t("moderation.none")}>{t("moderation.noneText")}</Empty>}
        >
          {(results) => (
            <>
              <Table
                caption={t("moderation.caption")}
                head={[
                  t("moderation.plugin"),
                  t("moderation.tenant"),
                  t("moderation.rating"),
                  t("moderation.text"),
                  t("moderation.updated"),
                  "",
                ]}
              >
                {results.items.map((r) => (
                  <tr key={`${r.pluginId}/${r.tenantSlug}`} data-testid={`review-${r.pluginId}-${r.tenantSlug}`}>
                    <td className="px-3 py-2 font-mono text-xs">
                      {r.pluginId} {r.version}
                    </td>
                    <td className="px-3 py-2">{r.tenantSlug}</td>
                    <td className="px-3 py-2">{r.rating}/5</td>
                    <td className="max-w-md whitespace-pre-line px-3 py-2 text-slate-800">
                      {r.text}
                      {r.hiddenReason && (
                        <p className="mt-1 text-xs text-red-700">
                          <Badge>{t("moderation.hiddenBadge")}</Badge> {r.hiddenReason}
                        </p>
                      )}
                    </td>
                    <td className="px-3 py-2">{formatDate(r.updatedAt)}</td>
                    <td className="px-3 py-2 text-right">
                      {r.hiddenAt ? (
                        <Button variant="secondary" busy={show.isPending} onClick={() => show.mutate(r)}>
                          {t("moderation.show")}
                        </Button>
                      ) : (
                        <Button variant="secondary" onClick={() => setHiding(r)}>
                          {t("moderation.hide")}
                        </Button>
                      )}
                    </td>
                  </tr>
                ))}
              </Table>
              <Pager page={page} size={SIZE} total={results.total} onPage={setPage} />
            </>
          )}
        </Loaded>
      </Card>
      {hiding && (
        <ReasonDialog
          key={`${hiding.pluginId}/${hiding.tenantSlug}`}
          title={t("moderation.hideTitle", { plugin: hiding.pluginId, tenant: hiding.tenantSlug })}
          label={t("moderation.reason")}
          hint={t("moderation.reasonHint")}
          maxLength={500}
          confirm={t("moderation.hide")}
          send={(reason) =>
            api(
              `/admin/plugin-reviews/${encodeURIComponent(hiding.pluginId)}/${encodeURIComponent(hiding.tenantSlug)}/hide`,
              { method: "POST", body: { reason } },
            )
          }
          onClose={() => setHiding(null)}
          onDone={refresh}
        />
      )}
    </>
  );
}
