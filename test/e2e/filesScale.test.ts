/**
 * Files mode takes seconds, not minutes, on one large file: 8,000 workloads whose pod labels all change (once
 * quadratic: the file's text was rebuilt per edit), and a ConfigMap with 80,000 keys (once quadratic: yaml's own
 * duplicate-key check). Measured in CPU time, so that a busy machine does not fail it; the bounds are about five
 * times what a run takes here, and a tenth of what the quadratic versions took.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runFiles } from '../../src/modes/files';

const CONFIG =
  'apiVersion: multicluster-routes.dev/v1alpha1\nkind: MulticlusterRoutes\nmetadata: {name: m}\nspec:\n  clusters:\n  - {name: c1, gateway: {address: 192.0.2.1}, paths: ["c1/**"]}\n  - {name: c2, gateway: {address: 192.0.2.2}, paths: ["c2/**"]}\n';

function pkg(file: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'mcr-scale-'));
  writeFileSync(join(dir, 'multicluster-routes.yaml'), CONFIG);
  mkdirSync(join(dir, 'c1'));
  writeFileSync(join(dir, 'c1', 'all.yaml'), file);
  return dir;
}

async function cpuSeconds(work: () => Promise<unknown>): Promise<number> {
  const before = process.cpuUsage();
  await work();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1e6;
}

test('8,000 Deployments in one file: every pod label is edited in one pass', async () => {
  const docs = Array.from({ length: 8000 }, (_, i) => [
    `apiVersion: v1\nkind: Service\nmetadata:\n  name: s${i}\n  annotations: {multicluster-routes.dev/export: "true"}\nspec:\n  ports: [{name: http, port: 80}]\n  selector: {app: s${i}}\n`,
    `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: s${i}\nspec:\n  template:\n    metadata:\n      labels:\n        app: s${i}\n        version: v1\n`,
  ]);
  const dir = pkg(docs.flat().join('---\n'));
  let exitCode: number | undefined;
  const seconds = await cpuSeconds(async () => ({ exitCode } = await runFiles({ dir, config: undefined, check: false })));
  expect(exitCode).toBe(0);
  expect(readFileSync(join(dir, 'c1', 'all.yaml'), 'utf8').match(/service\.multicluster-routes\.dev\/s\d+: "true"\n/g)).toHaveLength(8000);
  expect(seconds).toBeLessThan(20);
}, 300_000);

test('a ConfigMap with 80,000 keys: duplicate keys are looked for in linear time', async () => {
  const keys = Array.from({ length: 80_000 }, (_, i) => `  key${i}: value-${i}\n`).join('');
  const dir = pkg(`apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\ndata:\n${keys}`);
  let exitCode: number | undefined;
  const seconds = await cpuSeconds(async () => ({ exitCode } = await runFiles({ dir, config: undefined, check: true })));
  expect(exitCode).toBe(0);
  expect(seconds).toBeLessThan(10);
}, 300_000);
