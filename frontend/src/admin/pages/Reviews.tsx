import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  Badge,
  Button,
  Card,
  Dialog,
  Empty,
  ErrorBox,
  Failed,
  Loaded,
  PageHeader,
  Pager,
  SelectInput,
  Table,
  TextArea,
  TextInput,
  formatDate,
  usePaging,
} from "../../shared/ui";
import { useApi } from "../context";
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
        <HideDialog
          key={`${hiding.pluginId}/${hiding.tenantSlug}`}
          review={hiding}
          onClose={() => setHiding(null)}
          onDone={refresh}
        />
      )}
    </>
  );
}

/** Hiding asks why: the tenant that wrote the review reads the reason. */
function HideDialog({ review, onClose, onDone }: { review: ModeratedReview; onClose: () => void; onDone: () => void }) {
  const api = useApi();
  const { t } = useTranslation();
  const [reason, setReason] = useState("");
  const hide = useMutation({
    mutationFn: () =>
      api(
        `/admin/plugin-reviews/${encodeURIComponent(review.pluginId)}/${encodeURIComponent(review.tenantSlug)}/hide`,
        { method: "POST", body: { reason } },
      ),
    onSuccess: () => {
      onDone();
      onClose();
    },
  });
  return (
    <Dialog
      open
      title={t("moderation.hideTitle", { plugin: review.pluginId, tenant: review.tenantSlug })}
      onClose={onClose}
    >
      <form
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          hide.mutate();
        }}
      >
        <TextArea
          label={t("moderation.reason")}
          hint={t("moderation.reasonHint")}
          required
          maxLength={500}
          rows={3}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
        {hide.error && <ErrorBox error={hide.error} />}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" variant="danger" busy={hide.isPending} disabled={!reason.trim()}>
            {t("moderation.hide")}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
