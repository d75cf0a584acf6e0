// Every language of both apps is complete: the same keys as English, no empty text, the same
// {{placeholders}}; and every key the code asks for exists. Run by `npm test` (and so by the
// build's test phase): a missing translation fails the build, not a person's screen.
import assert from "node:assert/strict";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";

const root = new URL("../src/", import.meta.url).pathname;
const locales = join(root, "locales");
const REFERENCE = "en";
const languages = readdirSync(locales).filter((l) => statSync(join(locales, l)).isDirectory());
const parts = readdirSync(join(locales, REFERENCE)).map((f) => f.replace(/\.json$/, ""));

function load(language, part) {
  return JSON.parse(readFileSync(join(locales, language, `${part}.json`), "utf8"));
}

/** "a.b.c" → text, for every leaf. */
function flatten(tree, prefix = "", into = new Map()) {
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value && typeof value === "object") flatten(value, path, into);
    else into.set(path, value);
  }
  return into;
}

const placeholders = (text) => [...String(text).matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

test("both apps speak more than one language", () => {
  assert.ok(languages.includes(REFERENCE));
  assert.ok(languages.length >= 2, `languages: ${languages}`);
});

for (const language of languages.filter((l) => l !== REFERENCE)) {
  for (const part of parts) {
    test(`${language}/${part}.json has every key of ${REFERENCE}/${part}.json, and no other`, () => {
      const reference = flatten(load(REFERENCE, part));
      const translated = flatten(load(language, part));
      const missing = [...reference.keys()].filter((k) => !translated.has(k));
      const extra = [...translated.keys()].filter((k) => !reference.has(k));
      assert.deepEqual(missing, [], `missing in ${language}/${part}.json`);
      assert.deepEqual(extra, [], `only in ${language}/${part}.json`);
    });

    test(`${language}/${part}.json: no empty text, the same placeholders as ${REFERENCE}`, () => {
      const reference = flatten(load(REFERENCE, part));
      for (const [key, text] of flatten(load(language, part))) {
        assert.equal(typeof text, "string", `${key} is text`);
        assert.notEqual(text.trim(), "", `${key} is not empty`);
        if (reference.has(key)) {
          assert.deepEqual(placeholders(text), placeholders(reference.get(key)), `${key}: placeholders`);
        }
      }
    });
  }
}

function sources(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** The literal keys a file asks for: t("a.b"), i18n.t("a.b"), t(cond ? "a" : "b"). */
function keysUsed(file) {
  const code = readFileSync(file, "utf8");
  const keys = new Set();
  for (const call of code.matchAll(/\bt\(\s*([^)]*?)(?:,|\))/g)) {
    for (const literal of call[1].matchAll(/"([a-zA-Z]+(?:\.[a-zA-Z0-9_]+)+)"/g)) keys.add(literal[1]);
  }
  return keys;
}

// What each app loads: the shared texts and its own. Shared code may use only the shared texts.
const apps = { web: ["common", "web"], admin: ["common", "admin"], shared: ["common"] };

for (const [dir, loaded] of Object.entries(apps)) {
  test(`every key src/${dir} asks for exists in what it loads (${loaded.join(", ")})`, () => {
    const known = new Set(loaded.flatMap((part) => [...flatten(load(REFERENCE, part)).keys()]));
    const unknown = [];
    for (const file of sources(join(root, dir))) {
      for (const key of keysUsed(file)) if (!known.has(key)) unknown.push(`${file.slice(root.length)}: ${key}`);
    }
    assert.deepEqual(unknown, []);
  });
}

test("the test sees the keys the code asks for", () => {
  // Guards the scan itself: a regex that matched nothing would make the test above pass vacuously.
  const used = sources(join(root, "web")).reduce((n, f) => n + keysUsed(f).size, 0);
  assert.ok(used > 100, `only ${used} keys found in src/web`);
});
