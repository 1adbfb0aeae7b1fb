/**
 * kustomize, the standalone binary (`kubectl kustomize` silently skips exec functions): examples/kustomize has one
 * overlay per cluster with the function as an exec KRM transformer; the other clusters' workloads are facts.
 */
import { join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { BIN, envWithTools, KUSTOMIZE, run } from '../support/tools';
import { generatedIn, packageModeResources } from '../support/resources';
import type { Obj } from '../support/resources';

const CLUSTERS = ['cluster1', 'cluster2'];
const env = envWithTools();
const build = (cluster: string) => run(KUSTOMIZE, ['build', '--enable-alpha-plugins', '--enable-exec', join('examples', 'kustomize', cluster)], { env });

describe.each(CLUSTERS)('the %s overlay', (cluster) => {
  test("kustomize build runs the function and emits that cluster's resources, the same as package mode", () => {
    const result = build(cluster);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const docs = parseAllDocuments(result.stdout).map((d) => d.toJS() as Obj);
    expect(generatedIn(docs)).toEqual(packageModeResources(cluster));
    const reviews = docs.filter((d) => d['kind'] === 'Deployment' && String(d['metadata']['name']).startsWith('reviews-'));
    for (const d of reviews) expect(d['spec']['template']['metadata']['labels']['service.multicluster-routes.dev/reviews']).toBe('true');
  });

  test('its remoteWorkloads facts are what `facts` prints for the other clusters', () => {
    const config = join('examples', 'kustomize', cluster, 'multicluster-routes.yaml');
    const check = run(BIN, ['facts', 'examples/bookinfo', '--cluster', cluster, '--update', config, '--check']);
    expect(check.stderr).toContain('is up to date');
    expect(check.status).toBe(0);
  });
});

test("facts prints the workloads of every cluster but the overlay's own", () => {
  const result = run(BIN, ['facts', 'examples/bookinfo', '--cluster', 'cluster2']);
  expect(result.status).toBe(0);
  expect(parse(result.stdout)).toEqual({
    remoteWorkloads: [
      {
        service: 'reviews',
        namespace: 'default',
        cluster: 'cluster1',
        version: 'v1',
        serviceAccount: 'bookinfo-reviews',
        ports: [{ name: 'http', port: 9080 }],
      },
    ],
  });
});

test('a stale facts list fails --check with a diff', () => {
  const result = run(BIN, [
    'facts',
    'examples/bookinfo',
    '--cluster',
    'cluster2',
    '--update',
    'examples/kustomize/cluster1/multicluster-routes.yaml',
    '--check',
  ]);
  expect(result.status).toBe(1);
  expect(result.stdout).toContain('-    cluster: cluster2\n');
});
