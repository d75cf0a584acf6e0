import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../shared/api";
import {
  ActionForm,
  Badge,
  Button,
  Dialog,
  Empty,
  ErrorBox,
  Loaded,
  Loading,
  Pager,
  SelectInput,
  TextInput,
  formatDate,
  formatNumber,
  usePaging,
} from "../../shared/ui";
import { SchemaForm, initialValues, type Values } from "../SchemaForm";
import { useSession } from "../session";
import { pluginQueries, type MarketplaceDetail, type MarketplaceListing } from "../queries";
import { Requirements } from "./Requirements";
import { ReviewsDialog, Stars } from "./Reviews";

const SIZE = 12;
const SORTS = ["relevance", "popular", "rating", "name", "recent"] as const;

/**
 * The marketplace: search as you type (each word is the start of a word of the name, vendor,
 * category, tags or description), narrow by category with the counts the server gives, order and
 * page. Installing opens the wizard.
 */
export function Marketplace({ onInstalled }: { onInstalled: () => Promise<unknown> }) {
  const { api, can } = useSession();
  const { t } = useTranslation();
  const [q, setQ] = useState("");
  const [category, setCategory] = useState("");
  const [sort, setSort] = useState("");
  const { page, setPage, filter } = usePaging();
  const [installing, setInstalling] = useState<MarketplaceListing | null>(null);
  const [reading, setReading] = useState<MarketplaceListing | null>(null);
  const found = useQuery({
    ...pluginQueries.marketplace(api, { q, category, sort, page, size: SIZE }),
    placeholderData: keepPreviousData,
  });
  const categories = found.data?.facets.categories ?? [];
  return (
    <section aria-labelledby="marketplace-heading">
      <h2 id="marketplace-heading" className="mb-3 text-lg font-semibold text-slate-900">
        {t("marketplace.title")}
      </h2>
      <div className="mb-4 grid gap-4 sm:grid-cols-3">
        <TextInput
          label={t("common.search")}
          type="search"
          placeholder={t("marketplace.searchPlaceholder")}
          value={q}
          onChange={filter(setQ)}
        />
        <SelectInput
          label={t("marketplace.category")}
          value={category}
          onChange={filter(setCategory)}
          options={[
            { value: "", label: t("common.any") },
            // The chosen category stays offered even when the words leave none of it.
            ...(category && !categories.some((c) => c.value === category)
              ? [{ value: category, label: category }]
              : []),
            ...categories.map((c) => ({
              value: c.value,
              label: t("marketplace.withCount", { value: c.value, count: c.count }),
            })),
          ]}
        />
        <SelectInput
          label={t("marketplace.sort")}
          value={sort}
          onChange={filter(setSort)}
          options={[
            { value: "", label: t("marketplace.sortDefault") },
            ...SORTS.map((s) => ({ value: s, label: t(`marketplace.sorts.${s}`) })),
          ]}
        />
      </div>
      <Loaded
        query={found}
        loading={t("marketplace.loading")}
        empty={<Empty title={t("marketplace.noMatch")}>{t("marketplace.noMatchText")}</Empty>}
      >
        {(results) => (
          <>
            <ul className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3" aria-label={t("marketplace.results")}>
              {results.items.map((p) => (
                <li
                  key={p.id}
                  className="flex flex-col rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
                  data-testid={`available-${p.id}`}
                >
                  <h3 className="font-semibold text-slate-900">{p.name}</h3>
                  <p className="text-xs text-slate-600">
                    {p.vendor} · {p.category} · {p.currentVersion} ·{" "}
                    {t("marketplace.installs", { n: formatNumber(p.installs) })}
                  </p>
                  <p className="mt-1 text-xs text-slate-700">
                    {p.rating != null ? (
                      <>
                        <Stars rating={p.rating} />{" "}
                        {t("reviews.summary", { rating: p.rating, n: formatNumber(p.ratings) })}
                      </>
                    ) : (
                      t("reviews.unrated")
                    )}{" "}
                    <button
                      type="button"
                      className="text-indigo-700 underline hover:text-indigo-900"
                      onClick={() => setReading(p)}
                    >
                      {t("reviews.open")}
                    </button>
                  </p>
                  <p className="mt-2 flex-1 text-sm text-slate-700">{p.description}</p>
                  {p.tags.length > 0 && (
                    <p className="mt-2 flex flex-wrap gap-1" aria-label={t("marketplace.tags")}>
                      {p.tags.map((tag) => (
                        <Badge key={tag}>{tag}</Badge>
                      ))}
                    </p>
                  )}
                  {p.installedVersion ? (
                    <p className="mt-4 text-sm text-slate-700">
                      <Badge>{t("marketplace.installedVersion", { version: p.installedVersion })}</Badge>
                    </p>
                  ) : (
                    can("plugins:manage") && (
                      <Button className="mt-4 self-start" onClick={() => setInstalling(p)}>
                        {t("plugins.install", { name: p.name })}
                      </Button>
                    )
                  )}
                </li>
              ))}
            </ul>
            <Pager page={page} size={SIZE} total={results.total} onPage={setPage} />
          </>
        )}
      </Loaded>
      {reading && <ReviewsDialog key={reading.id} listing={reading} onClose={() => setReading(null)} />}
      {installing && (
        <InstallWizard
          key={installing.id}
          listing={installing}
          onClose={() => setInstalling(null)}
          onDone={onInstalled}
        />
      )}
    </section>
  );
}

type Step = "version" | "consent" | "configure";

/**
 * Installing a plugin in three steps: choose the version (newest first, the current one chosen),
 * read what it asks for and consent to it (its permissions, which the organization's roles can then
 * be given, and the plugins it needs here), then configure it with the form of its schema.
 */
function InstallWizard({
  listing,
  onClose,
  onDone,
}: {
  listing: MarketplaceListing;
  onClose: () => void;
  onDone: () => Promise<unknown>;
}) {
  const { api } = useSession();
  const { t } = useTranslation();
  const detail = useQuery(pluginQueries.marketplacePlugin(api, listing.id));
  return (
    <Dialog open title={t("plugins.install", { name: listing.name })} onClose={onClose}>
      {detail.isPending ? (
        <Loading what={t("marketplace.loadingPlugin")} />
      ) : detail.isError ? (
        <ErrorBox error={detail.error} retry={() => void detail.refetch()} />
      ) : (
        <WizardSteps plugin={detail.data} onClose={onClose} onDone={onDone} />
      )}
    </Dialog>
  );
}

function WizardSteps({
  plugin,
  onClose,
  onDone,
}: {
  plugin: MarketplaceDetail;
  onClose: () => void;
  onDone: () => Promise<unknown>;
}) {
  const { api } = useSession();
  const { t } = useTranslation();
  const [step, setStep] = useState<Step>("version");
  const [version, setVersion] = useState(plugin.currentVersion);
  const [consented, setConsented] = useState(false);
  const chosen = plugin.versions.find((v) => v.version === version) ?? plugin.versions[0];
  const [values, setValues] = useState<Values>(initialValues(chosen.configSchema));
  const install = useMutation({
    mutationFn: () =>
      api("/plugin-installations", {
        method: "POST",
        body: { pluginId: plugin.id, version: chosen.version, config: values },
      }),
    onSuccess: async () => {
      await onDone();
      onClose();
    },
  });
  const steps: Step[] = ["version", "consent", "configure"];
  return (
    <div className="space-y-4">
      <ol className="flex gap-2 text-xs text-slate-600" aria-label={t("marketplace.steps")}>
        {steps.map((s, i) => (
          <li
            key={s}
            aria-current={s === step ? "step" : undefined}
            className={s === step ? "font-semibold text-indigo-700" : undefined}
          >
            {i + 1}. {t(`marketplace.step.${s}`)}
          </li>
        ))}
      </ol>
      {step === "version" && chosen.screenshots.length > 0 && (
        <ul className="flex gap-2 overflow-x-auto" aria-label={t("marketplace.screenshots")}>
          {chosen.screenshots.map((src, i) => (
            <li key={src} className="shrink-0">
              <a href={src} target="_blank" rel="noreferrer">
                <img
                  src={src}
                  alt={t("marketplace.screenshot", { name: plugin.name, n: i + 1 })}
                  className="h-32 rounded border border-slate-200 object-cover"
                  loading="lazy"
                />
              </a>
            </li>
          ))}
        </ul>
      )}
      {step === "version" && (
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-slate-800">{t("marketplace.chooseVersion")}</legend>
          {plugin.versions.map((v) => (
            <div key={v.version}>
              <label className="flex items-center gap-2 text-sm text-slate-800">
                <input
                  type="radio"
                  name="version"
                  value={v.version}
                  checked={v.version === version}
                  onChange={() => {
                    setVersion(v.version);
                    setValues(initialValues(v.configSchema));
                    setConsented(false);
                  }}
                />
                <span className="font-mono">{v.version}</span>
                <span className="text-slate-600">
                  {t("marketplace.deployedOn", { date: formatDate(v.deployedAt) })}
                  {v.version === plugin.currentVersion ? ` · ${t("marketplace.current")}` : ""}
                </span>
              </label>
              {v.changelog && (
                <p className="ml-6 whitespace-pre-line text-xs text-slate-600" data-testid={`changelog-${v.version}`}>
                  {v.changelog}
                </p>
              )}
            </div>
          ))}
          <div className="flex justify-end gap-2 pt-2">
            <Button variant="secondary" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button onClick={() => setStep("consent")}>{t("common.next")}</Button>
          </div>
        </fieldset>
      )}
      {step === "consent" && (
        <div className="space-y-3">
          <p className="text-sm font-medium text-slate-800">
            {t("marketplace.asksFor", { name: plugin.name, version: chosen.version })}
          </p>
          {chosen.permissions.length === 0 ? (
            <p className="text-sm text-slate-700">{t("marketplace.noPermissions")}</p>
          ) : (
            <ul className="space-y-1 text-sm text-slate-700" data-testid="plugin-permissions">
              {chosen.permissions.map((p) => (
                <li key={p.name}>
                  <span className="font-mono">{p.name}</span> — {p.description}
                </li>
              ))}
            </ul>
          )}
          <Requirements requires={chosen.requires} />
          <label className="flex items-start gap-2 text-sm text-slate-800">
            <input type="checkbox" checked={consented} onChange={(e) => setConsented(e.target.checked)} />
            <span>{t("marketplace.consent", { name: plugin.name })}</span>
          </label>
          <div className="flex justify-end gap-2 pt-2">
            <Button variant="secondary" onClick={() => setStep("version")}>
              {t("common.back")}
            </Button>
            <Button disabled={!consented} onClick={() => setStep("configure")}>
              {t("common.next")}
            </Button>
          </div>
        </div>
      )}
      {step === "configure" && (
        <ActionForm action={install} submit={t("plugins.installButton")} onCancel={onClose} placed={() => false}>
          <SchemaForm
            schema={chosen.configSchema}
            values={values}
            onChange={setValues}
            error={install.error instanceof ApiError ? install.error : undefined}
          />
        </ActionForm>
      )}
    </div>
  );
}
