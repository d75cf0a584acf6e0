// Prints what each app's first page load downloads, gzipped: its entry script with the chunks it
// imports statically, and its CSS. `npm run build` ends with it; docs/benchmarks.md records it.
import { readFileSync, readdirSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { join } from "node:path";

const dist = new URL("../dist/", import.meta.url).pathname;
const limitKb = Number(process.env.PLEXICA_WEB_BUDGET_KB ?? 150);

function initialFiles(html) {
  const files = new Set();
  for (const m of html.matchAll(/(?:src|href)="\/((?:admin\/)?assets\/[^"]+\.(?:js|css))"/g)) {
    files.add(m[1]);
  }
  return [...files];
}

function gz(file) {
  return gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
}

let failed = false;
for (const [app, page] of [
  ["web", "index.html"],
  ["admin", "admin/index.html"],
]) {
  const files = initialFiles(readFileSync(join(dist, page), "utf8"));
  const js = files.filter((f) => f.endsWith(".js")).reduce((sum, f) => sum + gz(f), 0);
  const css = files.filter((f) => f.endsWith(".css")).reduce((sum, f) => sum + gz(f), 0);
  console.log(
    `size: ${app} initial JavaScript ${(js / 1024).toFixed(1)} KB gzipped, CSS ${(css / 1024).toFixed(1)} KB gzipped (${files.length} files)`,
  );
  if (app === "web" && js / 1024 > limitKb) {
    console.error(`size: the web app's initial JavaScript is over its ${limitKb} KB budget`);
    failed = true;
  }
}
const lazy = readdirSync(join(dist, "assets")).filter((f) => f.endsWith(".js")).length;
console.log(`size: ${lazy} script chunks in all (routes load theirs when first visited)`);
process.exit(failed ? 1 : 0);
