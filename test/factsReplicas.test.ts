/**
 * `facts` carries each remote version's pods as `replicas` (summed over its workloads, left out when 1), so that an
 * overlay gives its WorkloadEntries the weights the whole package gives them.
 */
import { mkdtempSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { runFacts } from '../src/modes/facts';
import { runKrm } from '../src/modes/krm';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const service: Obj = {
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'reviews', annotations: { 'multicluster-routes.dev/export': 'true' } },
  spec: { ports: [{ name: 'http', port: 9080 }], selector: { app: 'reviews' } },
};
const deployment = (name: string, version: string, replicas?: number): Obj => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name },
  spec: {
    ...(replicas === undefined ? {} : { replicas }),
    selector: { matchLabels: { app: 'reviews', version } },
    template: { metadata: { labels: { app: 'reviews', version } }, spec: { serviceAccountName: 'reviews', containers: [{ name: 'r', image: 'r' }] } },
  },
});
const config: Obj = {
  apiVersion: 'multicluster-routes.dev/v1alpha1',
  kind: 'MulticlusterRoutes',
  metadata: { name: 'mesh', annotations: { 'config.kubernetes.io/local-config': 'true' } },
  spec: {
    clusters: [
      { name: 'cluster1', gateway: { address: '192.0.2.10' }, paths: ['cluster1/**'] },
      { name: 'cluster2', gateway: { address: '198.51.100.20' }, paths: ['cluster2/**'] },
    ],
  },
};
const cluster1 = [service, deployment('reviews-v1', 'v1', 6)];
const cluster2 = [
  service,
  deployment('reviews-v1', 'v1', 6),
  deployment('reviews-v2', 'v2'),
  deployment('reviews-v3', 'v3', 2),
  deployment('reviews-v3-canary', 'v3', 3),
];

const entriesOf = (items: Obj[], cluster: string): Obj[] =>
  items
    .filter((r) => r['kind'] === 'WorkloadEntry' && r['metadata']['annotations']['multicluster-routes.dev/cluster'] === cluster)
    .map((r) => ({ name: r['metadata']['name'], spec: r['spec'] }));

test("an overlay's facts give its WorkloadEntries the package's weights", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'mcr-facts-'));
  try {
    mkdirSync(join(dir, 'cluster1'));
    mkdirSync(join(dir, 'cluster2'));
    writeFileSync(join(dir, 'mesh.yaml'), stringify(config));
    writeFileSync(join(dir, 'cluster1', 'app.yaml'), cluster1.map((r) => stringify(r)).join('---\n'));
    writeFileSync(join(dir, 'cluster2', 'app.yaml'), cluster2.map((r) => stringify(r)).join('---\n'));
    const printed = await runFacts({ dir, config: undefined, cluster: 'cluster1', update: undefined, check: false });
    expect(printed.exitCode).toBe(0);
    // Every fact whole: no YAML alias for the ports they share (printed as `{source: a1}` before).
    expect(printed.stdout).not.toMatch(/source|\*a\d/);
    const facts = (parse(printed.stdout) as Obj)['remoteWorkloads'] as Obj[];
    expect(facts.map((f) => [f['version'], f['replicas']])).toEqual([
      ['v1', 6],
      ['v2', undefined],
      ['v3', 5],
    ]);

    const annotate = (items: Obj[], cluster: string): Obj[] =>
      items.map((r) => ({
        ...r,
        metadata: { ...r['metadata'], annotations: { ...r['metadata']['annotations'], 'multicluster-routes.dev/cluster': cluster } },
      }));
    const list = (items: Obj[], spec: Obj): string =>
      stringify({ apiVersion: 'config.kubernetes.io/v1', kind: 'ResourceList', items, functionConfig: { ...config, spec: { ...config['spec'], ...spec } } });
    const whole = runKrm(list([...annotate(cluster1, 'cluster1'), ...annotate(cluster2, 'cluster2')], {}));
    const overlay = runKrm(list(cluster1, { targetCluster: 'cluster1', remoteWorkloads: facts }));
    expect(overlay.exitCode).toBe(0);
    const expected = entriesOf((parse(whole.stdout) as Obj)['items'] as Obj[], 'cluster1');
    expect(expected.map((e) => e.spec['weight'])).toEqual([6, undefined, 5]);
    expect(entriesOf((parse(overlay.stdout) as Obj)['items'] as Obj[], 'cluster1')).toEqual(expected);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
