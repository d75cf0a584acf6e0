// Lints the platform's served OpenAPI document with Redocly and Spectral (committed rulesets
// beside this file): any error or warning fails. PLEXICA_BASE_URL names the platform.
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const base = (process.env.PLEXICA_BASE_URL ?? "http://localhost:9080").replace(/\/$/, "");
const out = process.env.PLEXICA_API_LINT_DIR ?? join(here, "..", "target", "api-lint");
mkdirSync(out, { recursive: true });

const response = await fetch(`${base}/openapi`, { headers: { Accept: "application/json" } });
if (!response.ok) throw new Error(`GET ${base}/openapi answered ${response.status}`);
const document = join(out, "openapi.json");
writeFileSync(document, await response.text());

const bin = (name) => join(here, "..", "node_modules", ".bin", name);
const run = (tool, args) => {
  try {
    execFileSync(bin(tool), args, {
      stdio: "inherit",
      env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
    });
  } catch {
    console.error(`API lint: ${tool} found problems in ${base}/openapi (see above)`);
    process.exit(1);
  }
};
run("redocly", ["lint", document, "--config", join(here, "redocly.yaml"), "--format", "stylish"]);
run("spectral", [
  "lint",
  document,
  "--ruleset",
  join(here, "spectral.yaml"),
  "--fail-severity",
  "warn",
  "--format",
  "text",
]);
console.log(`API lint: ${base}/openapi passes Redocly (recommended-strict) and Spectral (oas): 0 errors, 0 warnings`);
