import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { TFunction } from "i18next";
import { ApiError } from "../../shared/api";
import { pickLanguage, speak } from "../../shared/i18n";
import {
  ActionForm,
  Card,
  ErrorBox,
  Loading,
  PageHeader,
  SelectInput,
  TextInput,
  formatDate,
  formatMegabytes,
  formatNumber,
} from "../../shared/ui";
import { useSession } from "../session";
import { ServiceAccountsCard } from "./ServiceAccounts";
import { tenantKeys, tenantQueries, type TenantProfile } from "../queries";

type Tenant = TenantProfile;

/** Languages by their own names ("Français"), as people look for them. */
const LOCALES = ["en", "fr", "de", "es", "it", "pt"].map((code) => ({
  value: code,
  label: new Intl.DisplayNames([code], { type: "language" }).of(code) ?? code,
}));

/** Every IANA time zone the browser knows; the server checks the same names. */
function timeZones(current: string): { value: string; label: string }[] {
  const known = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  const zones = known.includes(current) ? known : [current, ...known];
  return zones.map((z) => ({ value: z, label: z.replace(/_/g, " ") }));
}

/** The organization's own settings, for its administrators. */
export function TenantSettings() {
  const { api, can, tenant } = useSession();
  const { t } = useTranslation();
  const queries = useQueryClient();
  // Kept here: saving reloads the settings, which makes the form anew.
  const [savedAt, setSavedAt] = useState<number | null>(null);
  const profile = useQuery(tenantQueries.profile(api));
  if (profile.isPending) return <Loading what={t("settings.loading")} />;
  if (profile.isError) return <ErrorBox error={profile.error} retry={() => void profile.refetch()} />;
  const org = profile.data;
  const manage = can("tenant:manage");
  return (
    <>
      <PageHeader title={t("settings.title")}>{t("settings.subtitle", { name: tenant.name })}</PageHeader>
      <div className="space-y-6">
        <General
          key={org.name + JSON.stringify(org.settings)}
          tenant={org}
          manage={manage}
          savedAt={savedAt}
          onEdit={() => setSavedAt(null)}
          onSaved={() => {
            setSavedAt(Date.now());
            return queries.invalidateQueries({ queryKey: tenantKeys.profile });
          }}
        />
        <Card title={t("settings.security")}>
          <dl className="grid gap-2 text-sm sm:grid-cols-[12rem_1fr]">
            <dt className="text-slate-600">{t("settings.signIn")}</dt>
            <dd>{t("settings.signInText", { realm: org.slug })}</dd>
            <dt className="text-slate-600">{t("settings.firstAdmin")}</dt>
            <dd>{org.adminEmail}</dd>
            <dt className="text-slate-600">{t("settings.data")}</dt>
            <dd>{t("settings.dataText")}</dd>
          </dl>
        </Card>
        <Card title={t("settings.integrations")}>
          <dl className="grid gap-2 text-sm sm:grid-cols-[12rem_1fr]">
            <dt className="text-slate-600">REST API</dt>
            <dd>
              <span className="font-mono">{window.location.origin}/api/v1</span> — {t("settings.documentedAt")}{" "}
              <a className="text-indigo-700 underline" href="/openapi/ui/">
                /openapi
              </a>
              ; {t("settings.bearer")}
            </dd>
            <dt className="text-slate-600">{t("settings.events")}</dt>
            <dd>{t("settings.eventsText")}</dd>
            <dt className="text-slate-600">{t("nav.plugins")}</dt>
            <dd>
              {t("settings.pluginsText")}{" "}
              <a className="text-indigo-700 underline" href="/plugins">
                {t("settings.browse")}
              </a>
              .
            </dd>
          </dl>
        </Card>
        {can("service-accounts:manage") && <ServiceAccountsCard />}
        <Card title={t("settings.advanced")}>
          <dl className="grid gap-2 text-sm sm:grid-cols-[12rem_1fr]">
            <dt className="text-slate-600">{t("settings.quotas")}</dt>
            <dd data-testid="quotas">{quotaText(org.quotas ?? {}, t)}</dd>
            <dt className="text-slate-600">{t("settings.orgId")}</dt>
            <dd className="font-mono text-xs">{org.id}</dd>
            <dt className="text-slate-600">{t("members.since")}</dt>
            <dd>{formatDate(org.createdAt)}</dd>
          </dl>
        </Card>
      </div>
    </>
  );
}

function General({
  tenant,
  manage,
  savedAt,
  onEdit,
  onSaved,
}: {
  tenant: Tenant;
  manage: boolean;
  savedAt: number | null;
  onEdit: () => void;
  onSaved: () => Promise<void>;
}) {
  const { api, auth } = useSession();
  const { t } = useTranslation();
  const [name, setName] = useState(tenant.name);
  const [locale, setLocale] = useState(tenant.settings.locale ?? "en");
  const [timeZone, setTimeZone] = useState(
    tenant.settings.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
  );
  const save = useMutation({
    mutationFn: () => api("/tenant", { method: "PATCH", body: { name, settings: { locale, timeZone } } }),
    onSuccess: async () => {
      // The organization's language shows at once, unless this person chose their own.
      await speak(pickLanguage(auth.locale(), locale));
      await onSaved();
    },
  });
  const error = save.error instanceof ApiError ? save.error : undefined;
  return (
    <Card title={t("settings.general")}>
      <ActionForm
        action={save}
        submit={manage ? t("common.save") : undefined}
        saved={savedAt !== null && !save.isPending && !save.isError}
        className="max-w-lg space-y-4"
      >
        <TextInput
          label={t("common.name")}
          value={name}
          readOnly={!manage}
          onChange={(e) => {
            onEdit();
            setName(e.target.value);
          }}
          error={error?.fieldError("name")}
        />
        <SelectInput
          label={t("settings.defaultLanguage")}
          hint={t("settings.defaultLanguageHint")}
          value={locale}
          disabled={!manage}
          options={LOCALES}
          error={error?.fieldError("settings.locale")}
          onChange={(e) => {
            onEdit();
            setLocale(e.target.value);
          }}
        />
        <SelectInput
          label={t("settings.timeZone")}
          value={timeZone}
          disabled={!manage}
          options={timeZones(timeZone)}
          error={error?.fieldError("settings.timeZone")}
          onChange={(e) => {
            onEdit();
            setTimeZone(e.target.value);
          }}
        />
      </ActionForm>
    </Card>
  );
}

/** The organization's quotas in words: "at most 50 users, 10 workspaces"; none: no limits. */
function quotaText(quotas: Tenant["quotas"], t: TFunction): string {
  const parts = [
    quotas.maxUsers != null && t("settings.quotaUsers", { n: formatNumber(quotas.maxUsers) }),
    quotas.maxWorkspaces != null && t("settings.quotaWorkspaces", { n: formatNumber(quotas.maxWorkspaces) }),
    quotas.maxStorageBytes != null &&
      t("settings.quotaStorage", {
        size: formatMegabytes(quotas.maxStorageBytes),
      }),
    quotas.maxPlugins != null && t("settings.quotaPlugins", { n: formatNumber(quotas.maxPlugins) }),
  ].filter(Boolean);
  return parts.length ? t("settings.quotasAtMost", { list: parts.join(", ") }) : t("settings.noQuotas");
}
