// The bundled example: the bookinfo mesh of examples/bookinfo (two clusters), rendered by the built function in
// files mode on a scratch copy, as `multicluster-routes files examples/bookinfo` would render it in place.
// Prints the file the function generates for each cluster, then a summary: the files written, the resources per
// cluster and the pod labels changed, and what to look at next.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parseAllDocuments } from 'yaml';

const docs = (text) => parseAllDocuments(text).map((d) => d.toJS() ?? {});
const count = (items) => [...items.reduce((m, k) => m.set(k, (m.get(k) ?? 0) + 1), new Map())].map(([k, n]) => `${n} ${k}`).join(', ');
/** The function's pod labels: one per exported Service, `service.multicluster-routes.dev/<service>`. */
const isOurs = (key) => key.startsWith('service.multicluster-routes.dev/');
const podLabels = (doc) => Object.entries(doc?.spec?.template?.metadata?.labels ?? {}).filter(([key]) => isOurs(key));

/** Workloads whose pod template gained one of the function's labels, in the files the function updated. */
function relabeled(scratch, written) {
  const out = [];
  for (const path of written.filter((p) => !p.startsWith('clusters/'))) {
    const before = docs(readFileSync(join('examples/bookinfo', path), 'utf8'));
    docs(readFileSync(join(scratch, path), 'utf8')).forEach((doc, i) => {
      const had = new Map(podLabels(before[i]));
      const added = podLabels(doc).filter(([key, value]) => had.get(key) !== value);
      if (added.length > 0) out.push(`${path}: ${doc.kind} ${doc.metadata.name} (${added.map(([k, v]) => `${k}: "${v}"`).join(', ')})`);
    });
  }
  return out;
}

const scratch = mkdtempSync(join(tmpdir(), 'multicluster-routes-example-'));
try {
  cpSync('examples/bookinfo', scratch, { recursive: true });
  const report = execFileSync('dist/multicluster-routes.js', ['files', scratch], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const written = [...report.matchAll(/^(?:created|updated) (.+)$/gm)].map((m) => relative(scratch, m[1] ?? ''));
  const summary = [`# ===== summary =====`, `multicluster-routes files examples/bookinfo would write ${written.length} file(s):`];
  for (const line of report.trimEnd().split('\n')) summary.push(`  ${line.replace(`${scratch}/`, 'examples/bookinfo/')}`);
  for (const cluster of readdirSync(join(scratch, 'clusters')).sort()) {
    const path = `clusters/${cluster}/multicluster-routes.yaml`;
    const text = readFileSync(join(scratch, path), 'utf8');
    process.stdout.write(`# ===== ${path} =====\n${text}\n`);
    summary.push(`${cluster}: ${count(docs(text).map((d) => d.kind))}`);
  }
  summary.push('pod labels added (Kubernetes rolls these pods once):', ...relabeled(scratch, written).map((l) => `  ${l}`));
  summary.push(
    'Next: `multicluster-routes explain examples/bookinfo --format text` shows where each request goes;',
    'README "Running it" runs the same in kpt, kustomize, Argo CD, Flux, Helm and pre-commit.',
  );
  process.stdout.write(`${summary.join('\n')}\n`);
} catch (error) {
  process.exitCode = typeof error.status === 'number' ? error.status : 1;
  if (!(typeof error.status === 'number')) process.stderr.write(`${error.stack ?? error}\n`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
