/**
 * Argo Rollouts as workloads: where the pods of a Rollout are defined (its template, or the Deployment its
 * workloadRef names), how many there are, and the traffic-routing names that would fight the function's own.
 */
import { parse, stringify } from 'yaml';
import { runKrm } from '../src/modes/krm';

type Obj = Record<string, unknown>;

const service = (cluster: string): Obj => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'reviews', annotations: { 'multicluster-routes.dev/cluster': cluster, 'multicluster-routes.dev/export': 'true' } },
  spec: { ports: [{ name: 'http', port: 9080 }], selector: { app: 'reviews' } },
});
const at = (cluster: string): Obj => ({ 'multicluster-routes.dev/cluster': cluster });
const template = (version: string): Obj => ({ metadata: { labels: { app: 'reviews', version } }, spec: { containers: [{ name: 'r', image: 'r' }] } });
const deployment = (name: string, cluster: string, spec: Obj): Obj => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, annotations: at(cluster) },
  spec: { template: template(name.replace('reviews-', '')), ...spec },
});
const rollout = (name: string, cluster: string, spec: Obj): Obj => ({
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'Rollout',
  metadata: { name, annotations: at(cluster) },
  spec,
});
const refTo = (name: string, more: Obj = {}): Obj => ({ workloadRef: { apiVersion: 'apps/v1', kind: 'Deployment', name, ...more } });

/** Exported reviews in c1 and c2; v2 runs in c2, `items` add v1 in c1. */
function list(items: readonly Obj[], profile = 'current'): Obj {
  const clusters = [
    { name: 'c1', gateway: { address: '192.0.2.1' } },
    { name: 'c2', gateway: { address: '192.0.2.2' } },
  ];
  return {
    apiVersion: 'config.kubernetes.io/v1',
    kind: 'ResourceList',
    items: [service('c1'), service('c2'), deployment('reviews-v2', 'c2', { replicas: 1 }), ...items],
    functionConfig: { apiVersion: 'multicluster-routes.dev/v1alpha1', kind: 'MulticlusterRoutes', spec: { profile, clusters } },
  };
}

const run = (input: Obj): { exitCode: number; out: Obj } => {
  const { exitCode, stdout } = runKrm(stringify(input));
  return { exitCode, out: parse(stdout) as Obj };
};
const items = (out: Obj): Obj[] => out['items'] as Obj[];
const results = (out: Obj): Obj[] => (out['results'] ?? []) as Obj[];
const codes = (out: Obj): string[] => results(out).map((r) => (r['tags'] as Obj)['code'] as string);
const versionsIn = (out: Obj, cluster: string): unknown[] =>
  items(out)
    .filter((i) => i['kind'] === 'WorkloadEntry' && ((i['metadata'] as Obj)['annotations'] as Obj)['multicluster-routes.dev/cluster'] === cluster)
    .map((i) => (i['spec'] as Obj)['labels'] as Obj)
    .map((l) => l['version']);
/** The weight of c1's v1 as c2 sees it (its WorkloadEntry; 1 when not written). */
const weightOfV1 = (out: Obj): unknown => {
  const entry = items(out).find((i) => i['kind'] === 'WorkloadEntry' && ((i['spec'] as Obj)['labels'] as Obj)['version'] === 'v1');
  return entry ? ((entry['spec'] as Obj)['weight'] ?? 1) : undefined;
};
const podLabels = (out: Obj, kind: string, name: string): Obj | undefined => {
  const item = items(out).find((i) => i['kind'] === kind && (i['metadata'] as Obj)['name'] === name);
  return (((item?.['spec'] as Obj | undefined)?.['template'] as Obj | undefined)?.['metadata'] as Obj | undefined)?.['labels'] as Obj | undefined;
};

test.each([
  ['Deployment at 0: the Rollout’s pods only', {}, { replicas: 0 }, 3],
  ['scaleDown never (default): both run', {}, { replicas: 2 }, 5],
  ['scaleDown onsuccess: Argo scales the Deployment down', { scaleDown: 'onsuccess' }, { replicas: 2 }, 3],
  ['scaleDown progressively', { scaleDown: 'progressively' }, { replicas: 2 }, 3],
  ['Deployment without replicas counts 1', {}, {}, 4],
])('workloadRef weight: %s', (_, ref, deploymentSpec, weight) => {
  const { exitCode, out } = run(
    list([rollout('reviews-v1', 'c1', { replicas: 3, ...refTo('reviews-v1', ref) }), deployment('reviews-v1', 'c1', deploymentSpec)]),
  );
  expect(exitCode).toBe(0);
  expect(weightOfV1(out)).toBe(weight);
  // The label goes where the pods are defined; the Rollout has no template to label.
  expect(podLabels(out, 'Deployment', 'reviews-v1')).toHaveProperty(['service.multicluster-routes.dev/reviews'], 'true');
  expect(versionsIn(out, 'c2')).toEqual(['v1']);
});

test('a Rollout with a template is labelled and weighed like a Deployment; in classic it is left as it is', () => {
  const input = list([rollout('reviews-v1', 'c1', { replicas: 3, template: template('v1') })]);
  const current = run(input).out;
  expect(podLabels(current, 'Rollout', 'reviews-v1')).toHaveProperty(['service.multicluster-routes.dev/reviews'], 'true');
  expect(weightOfV1(current)).toBe(3);
  const classic = run(list([rollout('reviews-v1', 'c1', { replicas: 3, template: template('v1') })], 'classic')).out;
  expect(podLabels(classic, 'Rollout', 'reviews-v1')).toEqual({ app: 'reviews', version: 'v1' });
});

test.each([
  ['a Deployment of another cluster', [rollout('reviews-v1', 'c1', refTo('reviews-v1')), deployment('reviews-v1', 'c2', {})]],
  ['a StatefulSet', [rollout('reviews-v1', 'c1', { workloadRef: { apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'reviews-v1' } })]],
  ['a Deployment not in the input', [rollout('reviews-v1', 'c1', refTo('nowhere'))]],
])('a workloadRef to %s is a warning, and the Rollout runs no version', (_, extra) => {
  const { exitCode, out } = run(list(extra));
  expect(exitCode).toBe(0);
  expect(codes(out)).toContain('unknown-workload-ref');
  // c1 runs nothing, so c2 reaches no version there.
  expect(versionsIn(out, 'c2')).toEqual([]);
});

test('a Rollout with both spec.workloadRef and spec.template is an error, as Argo Rollouts says', () => {
  const { exitCode, out } = run(list([rollout('reviews-v1', 'c1', { template: template('v1'), ...refTo('reviews-v1') }), deployment('reviews-v1', 'c1', {})]));
  expect(exitCode).toBe(1);
  expect(results(out).map((r) => [(r['tags'] as Obj)['code'], (r['field'] as Obj)['path']])).toEqual([['invalid-rollout', 'spec.template']]);
});

test('a referenced Deployment is not a second workload, and other kinds named Rollout are not workloads', () => {
  const odd = { apiVersion: 'example.com/v1', kind: 'Rollout', metadata: { name: 'x', annotations: at('c1') }, spec: { template: template('v9') } };
  const proto = { apiVersion: 'argoproj.io/v1alpha1', kind: 'constructor', metadata: { name: 'y' }, spec: { template: template('v8') } };
  const { exitCode, out } = run(
    list([rollout('reviews-v1', 'c1', { replicas: 1, ...refTo('reviews-v1') }), deployment('reviews-v1', 'c1', { replicas: 0 }), odd, proto]),
  );
  expect(exitCode).toBe(0);
  expect(versionsIn(out, 'c2')).toEqual(['v1']);
  expect(weightOfV1(out)).toBe(1);
});

test('the exact reader (JSON input) and the fast reader (block YAML) give the same output for Rollouts', () => {
  const input = list([
    rollout('reviews-v1', 'c1', { replicas: 3, ...refTo('reviews-v1') }),
    deployment('reviews-v1', 'c1', { replicas: 0 }),
    rollout('r2', 'c2', { template: template('v3') }),
  ]);
  const fast = runKrm(stringify(input));
  const exact = runKrm(JSON.stringify(input));
  expect(fast.exitCode).toBe(0);
  expect((parse(exact.stdout) as Obj)['items']).toEqual((parse(fast.stdout) as Obj)['items']);
});

describe('trafficRouting.istio naming what the function generates', () => {
  const canary = (istio: Obj): Obj => rollout('reviews-v1', 'c1', { template: template('v1'), strategy: { canary: { trafficRouting: { istio } } } });
  test.each([
    [{ virtualService: { name: 'reviews' } }, 'spec.strategy.canary.trafficRouting.istio.virtualService.name'],
    [{ virtualServices: [{ name: 'mine' }, { name: 'reviews.default' }] }, 'spec.strategy.canary.trafficRouting.istio.virtualServices[1].name'],
    [{ destinationRule: { name: 'reviews-global' } }, 'spec.strategy.canary.trafficRouting.istio.destinationRule.name'],
  ])('%j is an error at its field', (istio, field) => {
    const { exitCode, out } = run(list([canary(istio)]));
    expect(exitCode).toBe(1);
    const errors = results(out).filter((r) => r['severity'] === 'error');
    expect(errors.map((r) => [(r['tags'] as Obj)['code'], (r['field'] as Obj)['path'], (r['resourceRef'] as Obj)['kind']])).toEqual([
      ['rollout-traffic-routing', field, 'Rollout'],
    ]);
  });
  test.each([[{ virtualService: { name: 'reviews.other' } }], [{ virtualService: { name: 'reviews-canary' } }], [{ destinationRule: { name: 'reviews' } }]])(
    '%j is the Rollout’s own',
    (istio) => {
      expect(run(list([canary(istio)])).exitCode).toBe(0);
    },
  );
});
