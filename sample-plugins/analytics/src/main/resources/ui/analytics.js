// The analytics plugin's page in the Plexica web app: a plain ES module, loaded at run time.
// "react" resolves through the web app's import map to the app's own React, so hooks just work.
import { createElement as h, useEffect, useState } from "react";

const BAR_COLORS = ["#4f46e5", "#059669"];

function BarChart({ title, bars }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const width = 480;
  const barHeight = 36;
  const gap = 16;
  const labelWidth = 170;
  const height = bars.length * (barHeight + gap);
  return h(
    "svg",
    {
      role: "img",
      "aria-label": `${title}: ` + bars.map((b) => `${b.label} ${b.value}`).join(", "),
      viewBox: `0 0 ${width} ${height}`,
      style: { width: "100%", maxWidth: 576 },
    },
    bars.map((bar, i) => {
      const y = i * (barHeight + gap);
      const length = ((width - labelWidth - 50) * bar.value) / max;
      return h(
        "g",
        { key: bar.label },
        h("text", { x: 0, y: y + barHeight / 2 + 5, fontSize: 14, fill: "#334155" }, bar.label),
        h("rect", { x: labelWidth, y, width: Math.max(2, length), height: barHeight, rx: 4, fill: BAR_COLORS[i % 2] }),
        h("text", { x: labelWidth + length + 8, y: y + barHeight / 2 + 5, fontSize: 14, fill: "#0f172a" }, String(bar.value)),
      );
    }),
  );
}

function Analytics({ context }) {
  const [state, setState] = useState({ loading: true });
  useEffect(() => {
    let live = true;
    context.call("GET", "summary").then(
      (summary) => live && setState({ summary }),
      (error) => live && setState({ error }),
    );
    return () => {
      live = false;
    };
  }, [context.tenant.slug]);

  let body;
  if (state.loading) {
    body = h("p", { role: "status", className: "text-sm text-slate-600" }, "Counting…");
  } else if (state.error) {
    body = h("p", { role: "alert", className: "text-sm text-red-700" }, String(state.error.message || state.error));
  } else {
    const s = state.summary;
    body = h(
      "div",
      { className: "space-y-4" },
      h(
        "p",
        { className: "text-sm text-slate-600" },
        `Counted from the platform's events since ${s.label ? `“${s.label}” was` : "the plugin was"} installed.`,
      ),
      h(BarChart, {
        title: "Created since installation",
        bars: [
          { label: "Users created", value: s.usersCreated },
          { label: "Workspaces created", value: s.workspacesCreated },
        ],
      }),
    );
  }
  return h(
    "section",
    { "aria-labelledby": "analytics-title", "data-testid": "analytics-page" },
    h("h1", { id: "analytics-title", className: "mb-2 text-2xl font-semibold text-slate-900" }, "Analytics"),
    h("p", { className: "mb-6 text-sm text-slate-600" }, `Usage of ${context.tenant.name}`),
    h("div", { className: "rounded-lg border border-slate-200 bg-white p-6 shadow-sm" }, body),
  );
}

export const pages = { analytics: Analytics };
