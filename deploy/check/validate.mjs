// Renders every kustomize overlay of deploy/kubernetes with `kubectl kustomize` (kubectl 1.32+ with
// kustomize 5.5; no cluster needed) and checks each rendered object against the Kubernetes JSON
// schemas (kubernetes-models), then what a production rollout relies on: at least two replicas,
// rolling updates that never go below them, the three probes, a disruption budget, an autoscaler,
// non-root containers, secrets only by reference. Exits non-zero, saying what is wrong, otherwise.
import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import { parseAllDocuments } from "yaml";

const here = dirname(fileURLToPath(import.meta.url));
const overlays = join(here, "..", "kubernetes", "overlays");
const problems = [];
const say = (text) => process.stdout.write(`${text}\n`);

/** kubernetes-models' class of an object: core kinds under v1/, others under <group>/<version>/. */
async function modelOf(object) {
  try {
    return (await import(`kubernetes-models/${object.apiVersion}/${object.kind}`))[object.kind];
  } catch {
    return undefined;
  }
}

async function check(overlay, object) {
  const name = `${overlay}: ${object.kind}/${object.metadata?.name}`;
  const Model = await modelOf(object);
  if (!Model) {
    problems.push(`${name}: no schema for ${object.apiVersion} ${object.kind}`);
    return;
  }
  try {
    new Model(object).validate();
  } catch (error) {
    problems.push(`${name}: ${error.message}`);
  }
}

function requireThat(condition, text) {
  if (!condition) problems.push(text);
}

function checkRollout(overlay, objects) {
  const of = (kind) => objects.filter((o) => o.kind === kind);
  const [deployment] = of("Deployment");
  requireThat(deployment, `${overlay}: no Deployment`);
  if (!deployment) return;
  const spec = deployment.spec;
  const container = spec.template.spec.containers[0];
  requireThat(spec.replicas >= 2, `${overlay}: fewer than 2 replicas`);
  requireThat(spec.strategy?.rollingUpdate?.maxUnavailable === 0, `${overlay}: a rolling update may take a ready replica away`);
  for (const probe of ["startupProbe", "readinessProbe", "livenessProbe"]) {
    requireThat(container[probe]?.httpGet?.path?.startsWith("/health/"), `${overlay}: no ${probe} on /health`);
  }
  requireThat(spec.template.spec.securityContext?.runAsNonRoot === true, `${overlay}: the platform may run as root`);
  requireThat(container.resources?.requests?.cpu && container.resources?.limits?.memory, `${overlay}: no resources`);
  requireThat(!(container.env ?? []).some((e) => /PASSWORD|SECRET/.test(e.name) && e.value), `${overlay}: a secret written in the manifest`);
  requireThat(container.envFrom?.some((e) => e.secretRef), `${overlay}: secrets not taken from a Secret`);
  const [budget] = of("PodDisruptionBudget");
  requireThat(budget && budget.spec.minAvailable >= 1, `${overlay}: no PodDisruptionBudget keeping a replica`);
  const [autoscaler] = of("HorizontalPodAutoscaler");
  requireThat(autoscaler && autoscaler.spec.minReplicas >= 2, `${overlay}: no autoscaler keeping 2 replicas`);
  requireThat(of("Service").length === 1 && of("Ingress").length === 1, `${overlay}: a Service and an Ingress`);
}

let rendered = 0;
for (const overlay of readdirSync(overlays)) {
  let yaml;
  try {
    yaml = execFileSync("kubectl", ["kustomize", join(overlays, overlay)], { encoding: "utf8" });
  } catch (error) {
    problems.push(`${overlay}: kubectl kustomize failed: ${error.stderr || error.message}`);
    continue;
  }
  const objects = parseAllDocuments(yaml).map((d) => d.toJSON()).filter(Boolean);
  for (const object of objects) await check(overlay, object);
  // The podman overlay is for one machine (bin/plexica deploy-smoke): schemas yes, rollout rules no.
  if (overlay !== "podman") checkRollout(overlay, objects);
  rendered += objects.length;
  say(`${overlay}: ${objects.length} objects rendered and checked (${objects.map((o) => o.kind).join(", ")})`);
}

if (problems.length) {
  say(`deploy check FAILED:\n  ${problems.join("\n  ")}`);
  process.exit(1);
}
say(`deploy check: ${rendered} objects valid against the Kubernetes schemas`);
