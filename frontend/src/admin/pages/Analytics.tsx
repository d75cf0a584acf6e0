import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { i18n } from "../../shared/i18n";
import { Card, Empty, ErrorBox, Loading, PageHeader, SelectInput, formatNumber } from "../../shared/ui";
import { TimeChart, type Series } from "../Chart";
import { useApi } from "../context";
import type * as Schemas from "../../shared/api-types.gen";
import { analyticsQueries } from "../queries";

type Analytics = Schemas.PlatformAnalytics;
type ChartSpec = Parameters<typeof TimeChart>[0];

const hourLabel = (s: number) =>
  new Date(s * 1000).toLocaleString(i18n.language, { weekday: "short", hour: "2-digit", minute: "2-digit" });
const dayLabel = (s: number) =>
  new Date(s * 1000).toLocaleDateString(i18n.language, { month: "short", day: "numeric" });

/** The platform at a glance: tenants, API traffic, errors, latency, plugin installs. */
export function Analytics() {
  const api = useApi();
  const { t, i18n: language } = useTranslation();
  const [hours, setHours] = useState("24");
  const analytics = useQuery({
    ...analyticsQueries.platform(api, hours),
    refetchInterval: 30_000,
  });
  const charts = useMemo(() => {
    const data = analytics.data;
    if (!data) return null;
    const hourTimes = data.apiHours.map((h) => Date.parse(h.hour) / 1000);
    const dayTimes = data.tenantGrowth.map((d) => Date.parse(d.day) / 1000);
    const calls = data.apiHours.map((h) => h.calls);
    const totalCalls = calls.reduce((a, b) => a + b, 0);
    const errors: Series = {
      label: t("analytics.errorsSeries"),
      values: data.apiHours.map((h) => (h.calls ? +(h.errorRate * 100).toFixed(2) : null)),
      color: "#dc2626",
    };
    const p95: Series = {
      label: t("analytics.p95Series"),
      values: data.apiHours.map((h) => h.p95Ms ?? null),
      color: "#d97706",
    };
    const worstP95 = Math.max(0, ...data.apiHours.map((h) => h.p95Ms ?? 0));
    const serverErrors = data.apiHours.reduce((a, h) => a + h.serverErrors, 0);
    const growth: Series[] = [
      { label: t("console.tenants"), values: data.tenantGrowth.map((d) => d.total), color: "#4f46e5" },
      {
        label: t("analytics.createdThatDay"),
        values: data.tenantGrowth.map((d) => d.created),
        color: "#059669",
        bars: true,
      },
    ];
    const hourly = { times: hourTimes, formatTime: hourLabel };
    const charts: ChartSpec[] = [
      {
        title: t("analytics.growth"),
        summary: t("analytics.growthSummary", {
          total: formatNumber(data.tenantGrowth.at(-1)?.total ?? 0),
          created: formatNumber(data.tenantGrowth.reduce((a, d) => a + d.created, 0)),
        }),
        times: dayTimes,
        formatTime: dayLabel,
        series: growth,
      },
      {
        title: t("analytics.callsPerHour"),
        summary: t("analytics.callsSummary", {
          calls: formatNumber(totalCalls),
          hours: data.apiHours.length,
          most: formatNumber(Math.max(0, ...calls)),
        }),
        ...hourly,
        series: [{ label: t("analytics.calls"), values: calls, color: "#4f46e5", bars: true }],
      },
      {
        title: t("analytics.errorRate"),
        summary: t("analytics.errorsSummary", {
          errors: formatNumber(serverErrors),
          calls: formatNumber(totalCalls),
        }),
        ...hourly,
        series: [errors],
        unit: "%",
      },
      {
        title: t("analytics.p95"),
        summary: worstP95 ? t("analytics.p95Summary", { ms: formatNumber(worstP95) }) : t("analytics.noCalls"),
        ...hourly,
        series: [p95],
        unit: "ms",
      },
    ];
    return charts;
    // The axis labels read the language (i18n.language) when drawn: a change of it draws them anew.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [analytics.data, t, language.language]);

  if (analytics.isPending) return <Loading what={t("analytics.counting")} />;
  if (analytics.isError) return <ErrorBox error={analytics.error} retry={() => void analytics.refetch()} />;
  const data = analytics.data;
  const maxInstalls = Math.max(1, ...data.pluginInstalls.map((p) => p.tenants));
  return (
    <>
      <PageHeader
        title={t("console.analytics")}
        actions={
          <div className="w-44">
            <SelectInput
              label={t("analytics.over")}
              value={hours}
              options={[
                { value: "24", label: t("analytics.hours24") },
                { value: "72", label: t("analytics.days3") },
                { value: "168", label: t("analytics.days7") },
              ]}
              onChange={(e) => setHours(e.target.value)}
            />
          </div>
        }
      >
        {t("analytics.subtitle")}
      </PageHeader>
      <dl className="mb-6 grid grid-cols-2 gap-4 md:grid-cols-5">
        {["ACTIVE", "PROVISIONING", "SUSPENDED", "FAILED", "DELETED"].map((status) => (
          <div key={status} className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
            <dt className="text-xs text-slate-600">{t(`common.status.${status}` as "common.status.ACTIVE")}</dt>
            <dd className="text-2xl font-semibold text-slate-900">{formatNumber(data.tenantsByStatus[status] ?? 0)}</dd>
          </div>
        ))}
      </dl>
      {charts && (
        <div className="grid gap-6 lg:grid-cols-2">
          {charts.map((chart) => (
            <Card key={chart.title}>
              <TimeChart {...chart} />
            </Card>
          ))}
        </div>
      )}
      <div className="mt-6">
        <Card title={t("analytics.installs")}>
          {data.pluginInstalls.length === 0 ? (
            <Empty title={t("analytics.noPlugins")} />
          ) : (
            <ul className="space-y-2" aria-label={t("analytics.installs")}>
              {data.pluginInstalls.map((p) => (
                <li key={p.pluginId} className="grid grid-cols-[10rem_1fr_6rem] items-center gap-3 text-sm">
                  <span className="truncate font-medium">{p.name}</span>
                  <span className="h-3 rounded bg-slate-100" aria-hidden="true">
                    <span
                      className="block h-3 rounded bg-indigo-500"
                      style={{ width: `${(100 * p.tenants) / maxInstalls}%` }}
                    />
                  </span>
                  <span className="text-slate-700">
                    {t("analytics.installsValue", {
                      tenants: formatNumber(p.tenants),
                      enabled: formatNumber(p.enabled),
                    })}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}
