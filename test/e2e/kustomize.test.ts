/**
 * kustomize, the standalone binary (`kubectl kustomize` silently skips exec functions): examples/kustomize has one
 * overlay per cluster with the function as an exec KRM transformer; the other clusters' workloads are facts.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { BIN, envWithTools, KUSTOMIZE, run, scratch } from '../support/tools';
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

test('facts for a cluster whose peers run several workloads of a service prints each with its ports, without YAML anchors or aliases', () => {
  const result = run(BIN, ['facts', 'examples/bookinfo', '--cluster', 'cluster1']);
  expect(result.status).toBe(0);
  expect(result.stdout).not.toMatch(/[&*]a\d|source/);
  const ports = [{ name: 'http', port: 9080 }];
  expect(parse(result.stdout)).toEqual({
    remoteWorkloads: ['v2', 'v3'].map((version) => ({
      service: 'reviews',
      namespace: 'default',
      cluster: 'cluster2',
      version,
      serviceAccount: 'bookinfo-reviews',
      ports,
    })),
  });
});

test('facts with a --cluster that is not in spec.clusters fails and names the clusters, instead of printing every cluster', () => {
  const result = run(BIN, ['facts', 'examples/bookinfo', '--cluster', 'clustr1']);
  expect({ status: result.status, stdout: result.stdout }).toEqual({ status: 1, stdout: '' });
  expect(result.stderr).toBe('error: --cluster "clustr1" is not a cluster of spec.clusters (cluster1, cluster2); use one of those names\n');
});

test("a typo'd targetCluster fails kustomize build with the function's message, not only `exit status 1`", () => {
  const examples = scratch('examples', 'examples');
  const config = join(examples, 'kustomize', 'cluster1', 'multicluster-routes.yaml');
  writeFileSync(config, readFileSync(config, 'utf8').replace('targetCluster: cluster1', 'targetCluster: clustr1'));
  const result = run(KUSTOMIZE, ['build', '--enable-alpha-plugins', '--enable-exec', join(examples, 'kustomize', 'cluster1')], { env });
  expect(result.status).not.toBe(0);
  expect(result.stderr).toContain('spec.targetCluster: "clustr1" is not a cluster of spec.clusters (cluster1, cluster2); use one of those names');
});
