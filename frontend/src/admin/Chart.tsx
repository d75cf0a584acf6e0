import { useTranslation } from "react-i18next";
import { formatNumber } from "../shared/i18n";
import { useEffect, useRef } from "react";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";

export interface Series {
  label: string;
  values: (number | null)[];
  color: string;
  bars?: boolean;
}

/** Whether some value has no value beside it, so that a line alone would not show it. */
export function hasLoneValues(values: (number | null)[]): boolean {
  return values.some((v, i) => v !== null && (values[i - 1] ?? null) === null && (values[i + 1] ?? null) === null);
}

/**
 * A time chart (uPlot, canvas) sized to its container, with a text alternative: a summary for
 * screen readers and the numbers in a table anyone can open.
 */
export function TimeChart({
  title,
  summary,
  times,
  series,
  unit,
  formatTime,
}: {
  title: string;
  summary: string;
  times: number[];
  series: Series[];
  unit?: string;
  formatTime: (seconds: number) => string;
}) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    // Half a step of room at both ends: the newest bar or point is drawn whole, not cut in two.
    const step = times.length > 1 ? times[1] - times[0] : 3600;
    const options: uPlot.Options = {
      width: element.clientWidth || 600,
      height: 220,
      legend: { show: series.length > 1 },
      scales: {
        x: {
          time: true,
          range: (_u, min, max) => [(min ?? 0) - step / 2, (max ?? 0) + step / 2],
        },
      },
      axes: [{}, { label: unit, size: 60 }],
      series: [
        {},
        ...series.map((s) => ({
          label: s.label,
          stroke: s.color,
          fill: s.bars ? `${s.color}55` : undefined,
          width: 2,
          paths: s.bars ? uPlot.paths.bars!({ size: [0.7, 40] }) : undefined,
          // A value with no neighbour makes no line: such series are drawn with their points.
          points: { show: !s.bars && hasLoneValues(s.values), size: 6 },
        })),
      ],
    };
    // What the browser tests check, once drawn: the newest time lies inside the drawn range.
    options.hooks = {
      setScale: [
        (u, key) => {
          if (key === "x" && u.scales.x.max != null) element.dataset.xMax = String(u.scales.x.max);
        },
      ],
    };
    element.dataset.lastTime = String(times[times.length - 1] ?? "");
    const chart = new uPlot(options, [times, ...series.map((s) => s.values)] as uPlot.AlignedData, element);
    element.dataset.points = series.map((s) => (!s.bars && hasLoneValues(s.values) ? "shown" : "hidden")).join(" ");
    const resize = new ResizeObserver(() => chart.setSize({ width: element.clientWidth, height: 220 }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      chart.destroy();
    };
  }, [times, series, unit]);
  return (
    <figure className="space-y-2">
      <figcaption className="text-sm font-semibold text-slate-900">{title}</figcaption>
      <div ref={box} role="img" aria-label={`${title}: ${summary}`} className="w-full" />
      <details className="text-sm text-slate-700">
        <summary className="cursor-pointer">{t("chart.numbers")}</summary>
        <table className="mt-2 text-left text-xs">
          <thead>
            <tr>
              <th scope="col" className="pr-4">
                {t("chart.when")}
              </th>
              {series.map((s) => (
                <th key={s.label} scope="col" className="pr-4">
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {times.map((time, i) => (
              <tr key={time}>
                <td className="pr-4">{formatTime(time)}</td>
                {series.map((s) => (
                  <td key={s.label} className="pr-4">
                    {s.values[i] === null || s.values[i] === undefined ? "—" : formatNumber(s.values[i]!)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
