// The browser the end-to-end tests drive: Debian's Chromium through playwright-core (which cannot
// download browsers here), with what every page must not do recorded: console errors, uncaught
// exceptions and failed requests of the platform's own origin.
import { chromium } from "playwright-core";
import { execFileSync } from "node:child_process";
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

export const base = (process.env.PLEXICA_BASE_URL ?? "http://localhost:9080").replace(/\/$/, "");
export const screenshots =
  process.env.PLEXICA_SCREENSHOTS ?? new URL("../../docs/screenshots/", import.meta.url).pathname;

const CANDIDATES = [process.env.CHROMIUM, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

/**
 * Waits until the platform says it is ready. The build starts Liberty and waits for the
 * application only: the schema upgrade and the platform realm finish in the background, and a
 * sign-in before the realm exists ends on Keycloak's "realm not found" page.
 */
export async function awaitReady(seconds = 120) {
  const deadline = Date.now() + seconds * 1000;
  let last = "no answer";
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${base}/health/ready`);
      last = `${response.status} ${await response.text()}`;
      if (response.ok) return;
    } catch (error) {
      last = String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The platform at ${base} was not ready within ${seconds} s: ${last}`);
}

export async function launch() {
  const executablePath = CANDIDATES.find((c) => c && existsSync(c));
  if (!executablePath) {
    throw new Error(
      "No Chromium found (looked at $CHROMIUM, /usr/bin/chromium, /usr/bin/chromium-browser, /usr/bin/google-chrome)." +
        " Install Debian's: apt-get install -y chromium",
    );
  }
  mkdirSync(screenshots, { recursive: true });
  return chromium.launch({
    executablePath,
    headless: true,
    // The flags this machine's closed network needs (no background calls to Google's hosts).
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** A fresh browser context (no cookies: a new login) whose own-origin problems are collected. */
export async function session(browser, { width = 1280, height = 800 } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, locale: "en-US" });
  const problems = [];
  context.on("page", (page) => watch(page, problems));
  const page = await context.newPage();
  return { context, page, problems };
}

function watch(page, problems) {
  page.on("console", (message) => {
    // A refused request (4xx) is logged by the browser itself; refusals are part of the flows.
    const refused = /Failed to load resource: the server responded with a status of 4\d\d/.test(message.text());
    if (message.type() === "error" && !refused && message.location().url.startsWith(base)) {
      problems.push(`console error on ${page.url()}: ${message.text()}`);
    }
  });
  page.on("pageerror", (error) => {
    if (page.url().startsWith(base)) problems.push(`uncaught on ${page.url()}: ${error.message}`);
  });
  page.on("response", (response) => {
    const url = response.url();
    // 4xx answers are part of the tested flows (a refused name shows its error); 5xx never are.
    if (url.startsWith(base) && response.status() >= 500) {
      problems.push(`${response.status()} from ${response.request().method()} ${url}`);
    }
    if (contractLog && url.startsWith(`${base}/api/`)) record(response);
  });
}

// Every API exchange of the flows, one JSON line each, for the integration tests' contract check
// (BrowserTrafficContractIT judges them against /openapi).
const contractLog = process.env.PLEXICA_CONTRACT_LOG;
if (contractLog) {
  mkdirSync(dirname(contractLog), { recursive: true });
  writeFileSync(contractLog, "");
}

async function record(response) {
  const request = response.request();
  const url = new URL(response.url());
  const query = {};
  for (const [name, value] of url.searchParams) (query[name] ??= []).push(value);
  const responseType = response.headers()["content-type"] ?? null;
  let responseBody = "";
  try {
    if (response.status() < 300 || response.status() >= 400) {
      const bytes = await response.body();
      responseBody =
        bytes.length === 0
          ? ""
          : /json|^text\//.test(responseType ?? "")
            ? bytes.toString("utf8")
            : `<${bytes.length} bytes>`;
    }
  } catch {
    return; // the page went away before the body arrived: nothing to judge
  }
  const exchange = {
    method: request.method(),
    path: url.pathname,
    query,
    withToken: "authorization" in request.headers(),
    requestType: request.headers()["content-type"] ?? null,
    requestBody: /json/.test(request.headers()["content-type"] ?? "")
      ? request.postData()
      : request.postData()
        ? "<binary>"
        : null,
    status: response.status(),
    responseType,
    responseHeaders: response.headers(),
    responseBody,
  };
  appendFileSync(contractLog, `${JSON.stringify(exchange)}\n`);
}

/** Logs in on Keycloak's login page, wherever the app sent the browser. */
export async function keycloakLogin(page, username, password) {
  await page.waitForSelector("#username", { timeout: 30_000 });
  await page.fill("#username", username);
  await page.fill("#password", password);
  await page.click("#kc-login");
}

/** How many pixels the page is wider than its window: more than 0 means sideways scrolling. */
async function overflowOf(page) {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

export const PHONE_WIDTH = 390;

/**
 * Turns the page to a phone's size, runs `atPhone` there (to go somewhere, or check more), checks
 * that nothing scrolls sideways, keeps a screenshot, and turns it back to a desktop's size.
 */
export async function atPhoneWidth(page, name, atPhone = async () => {}) {
  await page.setViewportSize({ width: PHONE_WIDTH, height: 844 });
  try {
    await atPhone();
    const overflow = await overflowOf(page);
    if (overflow > 0) throw new Error(`${name}: the page is ${overflow}px wider than the phone`);
    await shot(page, name);
  } finally {
    await page.setViewportSize({ width: 1280, height: 800 });
  }
}

export async function shot(page, name) {
  await page.screenshot({ path: `${screenshots}/${name}.png`, fullPage: false });
}

const axeSource = readFileSync(new URL("../node_modules/axe-core/axe.min.js", import.meta.url), "utf8");

/**
 * Runs axe on the page as it is. Its source is evaluated through the DevTools protocol, which the
 * page's content security policy (no injected scripts) does not govern.
 */
export async function axe(page) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")),
    }));
  });
  return result;
}

const keycloak = (process.env.PLEXICA_KEYCLOAK_URL ?? "http://127.0.0.1:18080").replace(/\/$/, "");

/** An access token by the password grant (dev mode's clients), for steps a flow needs. */
async function passwordToken(realm, clientId, username, password) {
  const response = await fetch(`${keycloak}/realms/${realm}/protocol/openid-connect/token`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ grant_type: "password", client_id: clientId, username, password }),
  });
  if (!response.ok) throw new Error(`Login to realm ${realm} as ${username}: ${response.status}`);
  return (await response.json()).access_token;
}

function keycloakAdminToken() {
  return passwordToken(
    "master",
    "admin-cli",
    process.env.PLEXICA_KEYCLOAK_ADMIN_USER ?? "admin",
    process.env.PLEXICA_KEYCLOAK_ADMIN_PASSWORD ?? "admin",
  );
}

/** Changes settings of a realm (e.g. token lifespans) through Keycloak's admin API. */
export async function keycloakRealm(realm, settings) {
  const token = await keycloakAdminToken();
  const response = await fetch(`${keycloak}/admin/realms/${realm}`, {
    method: "PUT",
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
    body: JSON.stringify(settings),
  });
  if (response.status !== 204) throw new Error(`Changing realm ${realm}: ${response.status}`);
}

/**
 * A user of the tenant's realm holding only `role`, made through Keycloak's admin API (what an
 * invited person ends up as once they chose a password), for flows of less privileged users.
 */
export async function keycloakUser(realm, username, password, role) {
  const token = await keycloakAdminToken();
  const admin = (path, init = {}) =>
    fetch(`${keycloak}/admin/realms/${realm}${path}`, {
      ...init,
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json", ...(init.headers ?? {}) },
    });
  const created = await admin("/users", {
    method: "POST",
    body: JSON.stringify({
      username,
      email: `${username}@${realm}.example`,
      firstName: "Gus",
      lastName: "Guest",
      enabled: true,
      emailVerified: true,
      credentials: [{ type: "password", value: password, temporary: false }],
    }),
  });
  if (created.status !== 201) throw new Error(`Creating ${username}: ${created.status}`);
  const [user] = await (await admin(`/users?username=${encodeURIComponent(username)}&exact=true`)).json();
  const roleRepresentation = await (await admin(`/roles/${role}`)).json();
  const mapped = await admin(`/users/${user.id}/role-mappings/realm`, {
    method: "POST",
    body: JSON.stringify([roleRepresentation]),
  });
  if (mapped.status !== 204) throw new Error(`Giving ${username} the role ${role}: ${mapped.status}`);
}

const mailApi = (process.env.PLEXICA_MAIL_API_URL ?? "http://127.0.0.1:18025").replace(/\/$/, "");

/** Decodes a quoted-printable body as mail servers pass it on. */
function unquote(text) {
  return text.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, hex) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * Waits until the dev mailbox (GreenMail, started by bin/plexica) holds a mail to `address` whose
 * subject matches, and returns it decoded; mails already seen (`after` of them) are skipped.
 */
export async function waitForMail(address, subject, { after = 0, timeout = 30_000 } = {}) {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    const response = await fetch(`${mailApi}/api/user/${encodeURIComponent(address)}/messages/INBOX`);
    if (response.ok) {
      const mails = (await response.json()).slice(after).filter((m) => subject.test(m.subject ?? ""));
      if (mails.length) return { subject: mails[0].subject, body: unquote(mails[0].mimeMessage) };
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`No mail to ${address} matching ${subject} within ${timeout / 1000}s (mailbox ${mailApi})`);
}

/** How many mails the dev mailbox holds for `address`. */
export async function mailCount(address) {
  const response = await fetch(`${mailApi}/api/user/${encodeURIComponent(address)}/messages/INBOX`);
  return response.ok ? (await response.json()).length : 0;
}

/** The first link in a mail's body that matches. */
export function linkIn(mail, pattern) {
  const link = (mail.body.match(/https?:\/\/[^\s"'<>]+/g) ?? [])
    .map((l) => l.replace(/&amp;/g, "&"))
    .find((l) => pattern.test(l));
  if (!link) throw new Error(`No link matching ${pattern} in the mail "${mail.subject}"`);
  return link;
}

/**
 * Goes through Keycloak's pages after a mailed link (proceed, set a password, complete the profile,
 * back to the application) until the browser is back on the platform or at a login form.
 */
export async function completeKeycloakActions(page, { password, firstName = "Grace", lastName = "Hopper" }) {
  for (let step = 0; step < 10 && !page.url().startsWith(base); step++) {
    await page.waitForLoadState("domcontentloaded");
    const before = page.url();
    if (await page.locator("#password-new").count()) {
      await page.fill("#password-new", password);
      await page.fill("#password-confirm", password);
      await page.locator("input[type=submit], button[type=submit]").first().click();
    } else if (await page.locator("#firstName").count()) {
      if (!(await page.inputValue("#firstName"))) await page.fill("#firstName", firstName);
      if (!(await page.inputValue("#lastName"))) await page.fill("#lastName", lastName);
      await page.locator("input[type=submit], button[type=submit]").first().click();
    } else if (await page.getByRole("link", { name: /proceed/i }).count()) {
      await page.getByRole("link", { name: /proceed/i }).click();
    } else if (await page.getByRole("link", { name: /back to application/i }).count()) {
      await page.getByRole("link", { name: /back to application/i }).click();
    } else if (await page.locator("#username").count()) {
      return;
    } else {
      throw new Error(
        `Unexpected Keycloak page at ${page.url()}: ${(await page.locator("body").innerText()).slice(0, 300)}`,
      );
    }
    await page.waitForURL((url) => url.toString() !== before, { timeout: 15_000 }).catch(() => {});
  }
}

/** The platform's API as its super-admin (dev mode's password-grant client), for steps a flow needs. */
export async function asPlatformAdmin(method, path) {
  const token = await passwordToken(
    "plexica-platform",
    "plexica-cli",
    process.env.PLEXICA_E2E_ADMIN ?? "admin",
    process.env.PLEXICA_E2E_ADMIN_PASSWORD ?? "admin",
  );
  const response = await fetch(`${base}/api/v1${path}`, { method, headers: { Authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status}`);
}

/** A JDK tool: from PLEXICA_E2E_JAVA_HOME (the build's JDK), JAVA_HOME, or the PATH. */
function jdkTool(tool) {
  const home = process.env.PLEXICA_E2E_JAVA_HOME ?? process.env.JAVA_HOME;
  return home ? join(home, "bin", tool) : tool;
}

/** The smallest picture a screenshot can be: one pixel, a valid PNG. */
const ONE_PIXEL_PNG =
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

/**
 * What a vendor makes before publishing, made as a vendor makes it with the JDK: a signing key
 * (keytool) with its certificate in PEM, and a code-less plugin bundle (jar) asking for one
 * permission, with a changelog and one screenshot for its marketplace page, unsigned and signed
 * (jarsigner).
 */
export function vendorBundle({ id, name, version = "1.0.0" }) {
  const dir = mkdtempSync(join(tmpdir(), "plexica-vendor-"));
  const run = (tool, ...args) => execFileSync(jdkTool(tool), args, { cwd: dir, stdio: "pipe" });
  const store = ["-keystore", "vendor.p12", "-storepass", "vendor-secret"];
  run(
    "keytool",
    "-genkeypair",
    "-alias",
    "vendor",
    "-keyalg",
    "EC",
    "-groupname",
    "secp256r1",
    "-dname",
    `CN=${name}`,
    "-validity",
    "30",
    "-storetype",
    "PKCS12",
    ...store,
  );
  const pem = run("keytool", "-exportcert", "-rfc", "-alias", "vendor", ...store).toString();
  mkdirSync(join(dir, "content", "META-INF", "plexica"), { recursive: true });
  mkdirSync(join(dir, "content", "ui", "screens"), { recursive: true });
  writeFileSync(join(dir, "content", "ui", "screens", "board.png"), Buffer.from(ONE_PIXEL_PNG, "base64"));
  const manifest = {
    id,
    version,
    name,
    vendor: name,
    sdk: "[1.0,2)",
    category: "productivity",
    description: `${name}: tasks for every workspace.`,
    permissions: [{ name: `${id}:read`, description: "Read the tasks of the organization" }],
    changelog: `First release of ${name}: a board of tasks.`,
    screenshots: ["ui/screens/board.png"],
  };
  writeFileSync(join(dir, "content", "META-INF", "plexica", "plugin.json"), JSON.stringify(manifest));
  writeFileSync(
    join(dir, "MANIFEST.MF"),
    `Bundle-ManifestVersion: 2\nBundle-SymbolicName: com.example.${id.replace(/-/g, "_")}\nBundle-Version: ${version}\n`,
  );
  run("jar", "--create", "--file", "plugin.jar", "--manifest", "MANIFEST.MF", "-C", "content", ".");
  run("jarsigner", ...store, "-signedjar", "signed.jar", "plugin.jar", "vendor");
  return {
    pem,
    unsigned: readFileSync(join(dir, "plugin.jar")),
    signed: readFileSync(join(dir, "signed.jar")),
  };
}
