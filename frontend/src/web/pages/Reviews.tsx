import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../shared/api";
import { Button, Dialog, Empty, ErrorBox, Loaded, Pager, TextArea, formatDate, formatNumber } from "../../shared/ui";
import { useSession } from "../session";
import { pluginKeys, pluginQueries, type MarketplaceListing, type PluginReview } from "../queries";

const SIZE = 5;

/** "★★★★☆": a rating as stars, with the number for screen readers beside it. */
export function Stars({ rating }: { rating: number }) {
  const { t } = useTranslation();
  const full = Math.round(rating);
  return (
    <span className="text-amber-600" aria-label={t("reviews.stars", { rating })} role="img">
      {"★".repeat(full)}
      <span className="text-slate-300">{"★".repeat(5 - full)}</span>
    </span>
  );
}

/**
 * A plugin's ratings and reviews: the summary, the reviews newest first (none names its
 * organization), and, for an administrator of an organization that installed it, the form to rate
 * it, edit or delete that rating.
 */
export function ReviewsDialog({ listing, onClose }: { listing: MarketplaceListing; onClose: () => void }) {
  const { api, can } = useSession();
  const { t } = useTranslation();
  const [page, setPage] = useState(0);
  const reviews = useQuery({ ...pluginQueries.reviews(api, listing.id, page), placeholderData: keepPreviousData });
  const canRate = can("plugins:manage") && !!listing.installedVersion;
  return (
    <Dialog open title={t("reviews.title", { name: listing.name })} onClose={onClose}>
      <div className="space-y-4" data-testid="reviews">
        <Loaded query={reviews} loading={t("reviews.loading")}>
          {(found) => (
            <>
              <p className="text-sm text-slate-800" data-testid="rating-summary">
                {found.rating.average != null ? (
                  <>
                    <Stars rating={found.rating.average} />{" "}
                    {t("reviews.summary", { rating: found.rating.average, n: formatNumber(found.rating.count) })}
                  </>
                ) : (
                  t("reviews.unrated")
                )}
              </p>
              {found.items.length === 0 ? (
                <Empty title={t("reviews.none")}>{t("reviews.noneText")}</Empty>
              ) : (
                <ul className="space-y-3" aria-label={t("reviews.list")}>
                  {found.items.map((r, i) => (
                    <ReviewItem key={`${page}-${i}`} review={r} />
                  ))}
                </ul>
              )}
              {found.total > SIZE && <Pager page={page} size={SIZE} total={found.total} onPage={setPage} />}
            </>
          )}
        </Loaded>
        {canRate && <ReviewForm pluginId={listing.id} name={listing.name} />}
        <div className="flex justify-end">
          <Button variant="secondary" onClick={onClose}>
            {t("common.close")}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}

function ReviewItem({ review }: { review: PluginReview }) {
  const { t } = useTranslation();
  return (
    <li className="rounded border border-slate-200 p-3 text-sm" data-testid={review.mine ? "own-review" : undefined}>
      <p className="flex flex-wrap items-center gap-2 text-slate-600">
        <Stars rating={review.rating} />
        <span>{t("reviews.byVersion", { version: review.version, date: formatDate(review.updatedAt) })}</span>
        {review.mine && <span className="font-medium text-indigo-700">{t("reviews.yours")}</span>}
      </p>
      {review.text && <p className="mt-1 whitespace-pre-line text-slate-800">{review.text}</p>}
      {review.hiddenReason && (
        <p className="mt-1 text-xs text-red-700" role="note">
          {t("reviews.hidden", { reason: review.hiddenReason })}
        </p>
      )}
      {review.reply && (
        <blockquote className="mt-2 border-l-2 border-indigo-300 pl-3 text-slate-700" data-testid="vendor-reply">
          <p className="text-xs font-medium text-indigo-700">{t("reviews.vendorReply")}</p>
          <p className="whitespace-pre-line">{review.reply}</p>
        </blockquote>
      )}
    </li>
  );
}

/** The organization's own rating: write, change or delete it. */
function ReviewForm({ pluginId, name }: { pluginId: string; name: string }) {
  const { api } = useSession();
  const { t } = useTranslation();
  const queries = useQueryClient();
  const own = useQuery({
    queryKey: [...pluginKeys.marketplace, "own-review", pluginId] as const,
    queryFn: async () => {
      try {
        return await api<PluginReview>(`/marketplace/plugins/${pluginId}/review`);
      } catch (e) {
        if (e instanceof ApiError && e.status === 404) return null;
        throw e;
      }
    },
  });
  const [rating, setRating] = useState<number | null>(null);
  const [text, setText] = useState<string | null>(null);
  const refresh = () => void queries.invalidateQueries({ queryKey: pluginKeys.marketplace });
  const save = useMutation({
    mutationFn: () =>
      api<PluginReview>(`/marketplace/plugins/${pluginId}/review`, {
        method: "PUT",
        body: { rating: rating ?? own.data?.rating, text: text ?? own.data?.text ?? "" },
      }),
    onSuccess: () => {
      setRating(null);
      setText(null);
      refresh();
    },
  });
  const remove = useMutation({
    mutationFn: () => api(`/marketplace/plugins/${pluginId}/review`, { method: "DELETE" }),
    onSuccess: refresh,
  });
  if (own.isPending) return null;
  if (own.isError) return <ErrorBox error={own.error} />;
  const chosen = rating ?? own.data?.rating ?? 0;
  return (
    <form
      className="space-y-3 border-t border-slate-200 pt-4"
      aria-label={t("reviews.yourRating")}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">{t("reviews.rate", { name })}</legend>
        <div className="mt-1 flex gap-3">
          {[1, 2, 3, 4, 5].map((n) => (
            <label key={n} className="flex items-center gap-1 text-sm text-slate-800">
              <input type="radio" name="rating" value={n} checked={chosen === n} onChange={() => setRating(n)} />
              {n}
            </label>
          ))}
        </div>
      </fieldset>
      <TextArea
        label={t("reviews.text")}
        hint={t("reviews.textHint")}
        maxLength={2000}
        rows={3}
        value={text ?? own.data?.text ?? ""}
        onChange={(e) => setText(e.target.value)}
      />
      {(save.error || remove.error) && <ErrorBox error={save.error ?? remove.error} />}
      <div className="flex justify-end gap-2">
        {own.data && (
          <Button variant="secondary" busy={remove.isPending} onClick={() => remove.mutate()}>
            {t("reviews.delete")}
          </Button>
        )}
        <Button type="submit" busy={save.isPending} disabled={chosen === 0}>
          {own.data ? t("reviews.update") : t("reviews.publish")}
        </Button>
      </div>
    </form>
  );
}
