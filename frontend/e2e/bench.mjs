// Benchmark of a plugin page in the tenant web app (run by bench/run; figures in docs/benchmarks.md):
// how long after the click on its menu item the analytics page shows its chart, on loopback, in
// headless Chromium. First visits (a new browser profile: nothing cached, the plugin's module fetched
// and compiled) and later visits in the same session. Needs a running platform in dev mode
// (password grant for setup), PLEXICA_BASE_URL, PLEXICA_KEYCLOAK_URL and the analytics bundle
// (PLEXICA_E2E_ANALYTICS_JAR; deployed if the registry lacks it).
import { readFileSync } from "node:fs";
import { base, keycloakLogin, launch, session } from "./browser.mjs";

const keycloak = process.env.PLEXICA_KEYCLOAK_URL ?? "http://127.0.0.1:18080";
const firstVisits = Number(process.env.BENCH_PLUGIN_FIRST_VISITS ?? 5);
const laterVisits = Number(process.env.BENCH_PLUGIN_VISITS ?? 20);
const password = process.env.PLEXICA_E2E_DEV_PASSWORD ?? "admin";

async function token(realm, username, secret) {
  const response = await fetch(`${keycloak}/realms/${realm}/protocol/openid-connect/token`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ grant_type: "password", client_id: "plexica-cli", username, password: secret }),
  });
  if (!response.ok) throw new Error(`No token for ${username} in ${realm}: ${response.status}`);
  return (await response.json()).access_token;
}

async function api(tokenValue, method, path, body, type = "application/json") {
  const response = await fetch(`${base}/api/v1${path}`, {
    method,
    headers: { Authorization: `Bearer ${tokenValue}`, ...(body ? { "Content-Type": type } : {}) },
    body: body === undefined ? undefined : type === "application/json" ? JSON.stringify(body) : body,
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

async function setUp() {
  const admin = await token("plexica-platform", "admin", process.env.PLEXICA_E2E_ADMIN_PASSWORD ?? "admin");
  const registry = await api(admin, "GET", "/admin/plugins/analytics");
  if (registry.status === 404) {
    const deployed = await api(
      admin,
      "POST",
      "/admin/plugins",
      readFileSync(process.env.PLEXICA_E2E_ANALYTICS_JAR),
      "application/java-archive",
    );
    if (deployed.status !== 201) throw new Error(`Deploying analytics: ${JSON.stringify(deployed.body)}`);
  }
  const slug = `bench-web-${Date.now().toString(36)}`;
  const email = `owner@${slug}.example`;
  await api(admin, "POST", "/tenants", { slug, name: `Bench ${slug}`, adminEmail: email });
  for (let i = 0; i < 300; i++) {
    const tenant = await api(admin, "GET", `/tenants/${slug}`);
    if (tenant.body?.status === "ACTIVE") break;
    if (tenant.body?.status === "FAILED") throw new Error(`Provisioning ${slug} failed`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const owner = await token(slug, email, password);
  const installed = await api(owner, "POST", "/plugin-installations", {
    pluginId: "analytics",
    config: { label: "Bench" },
  });
  if (installed.status !== 201) throw new Error(`Installing analytics: ${JSON.stringify(installed.body)}`);
  return { slug, email };
}

async function openAnalytics(page) {
  const started = performance.now();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Analytics" }).click();
  await page.getByRole("img", { name: /Created since installation/ }).waitFor();
  return performance.now() - started;
}

function report(what, samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
  console.log(
    `web: ${what}, ${sorted.length} visits: p50 ${at(50).toFixed(0)} ms, p95 ${at(95).toFixed(0)} ms, max ${sorted.at(-1).toFixed(0)} ms`,
  );
}

const { slug, email } = await setUp();
const browser = await launch();
try {
  const first = [];
  const later = [];
  for (let i = 0; i < firstVisits; i++) {
    const { context, page } = await session(browser);
    await page.goto(`${base}/?tenant=${slug}`);
    await keycloakLogin(page, email, password);
    await page.getByRole("heading", { name: /^Welcome/ }).waitFor();
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Analytics" }).waitFor();
    first.push(await openAnalytics(page));
    if (i === 0) {
      for (let j = 0; j < laterVisits; j++) {
        await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dashboard" }).click();
        await page.getByRole("heading", { name: /^Welcome/ }).waitFor();
        later.push(await openAnalytics(page));
      }
    }
    await context.close();
  }
  report("plugin page, first visit (new profile, module fetched)", first);
  report("plugin page, later visits in the session", later);
} finally {
  await browser.close();
}
