/**
 * Only the function's own output counts as its previous output. In files mode a user's file whose resource carries
 * the managed-by label (a pull request can add it) was deleted as a stale generated file; now the run fails and
 * names the resource.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runFiles } from '../src/modes/files';
import { scratch } from './support/tools';

test("files mode does not delete a user's Deployment file that carries the managed-by label", async () => {
  const dir = scratch('examples/bookinfo');
  const file = join(dir, 'cluster1', 'worker.yaml');
  const text = [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: worker',
    '  labels: {app.kubernetes.io/managed-by: multicluster-routes}',
    '  annotations: {multicluster-routes.dev/cluster: cluster1}',
    'spec:',
    '  selector: {matchLabels: {app: worker}}',
    '  template:',
    '    metadata: {labels: {app: worker}}',
    '    spec: {containers: [{name: worker, image: example.com/worker:1.0}]}',
    '',
  ].join('\n');
  writeFileSync(file, text);
  const report = await runFiles({ dir, config: undefined, check: false });
  expect(report.exitCode).toBe(1);
  expect(report.stderr).toContain('Deployment default/worker is labelled app.kubernetes.io/managed-by: multicluster-routes');
  expect(existsSync(file) && readFileSync(file, 'utf8')).toBe(text);
});
