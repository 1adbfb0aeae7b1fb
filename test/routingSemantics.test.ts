/**
 * Istio's own single-cluster rules for bookinfo's reviews (samples/bookinfo/networking, transcribed below as
 * their `http` sections) rewritten as multicluster routes, with v1 in cluster1 and v2, v3 in cluster2: in every
 * cluster and both profiles, each request must reach the same versions with the same shares as the
 * single-cluster rule gives. A small evaluator reads both VirtualServices the way Envoy applies them (first
 * matching rule, exact header matches, weights; one destination means all traffic).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { runKrm } from '../src/modes/krm';
import type { Reached, Request } from './support/routeEvaluator';
import { MeshView, runningVersions } from './support/routeEvaluator';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const jason = { match: [{ headers: { 'end-user': { exact: 'jason' } } }] };
const to = (subset: string, weight?: number): Obj => ({ destination: { host: 'reviews', subset }, ...(weight === undefined ? {} : { weight }) });

const SINGLE_CLUSTER: Record<string, { http: Obj[]; routes: Obj[] }> = {
  'virtual-service-reviews-80-20': { http: [{ route: [to('v1', 80), to('v2', 20)] }], routes: [{ to: { v1: 80, v2: 20 } }] },
  'virtual-service-reviews-90-10': { http: [{ route: [to('v1', 90), to('v2', 10)] }], routes: [{ to: { v1: 90, v2: 10 } }] },
  'virtual-service-reviews-jason-v2-v3': { http: [{ ...jason, route: [to('v2')] }, { route: [to('v3')] }], routes: [{ ...jason, to: 'v2' }, { to: 'v3' }] },
  'virtual-service-reviews-test-v2': { http: [{ ...jason, route: [to('v2')] }, { route: [to('v1')] }], routes: [{ ...jason, to: 'v2' }, { to: 'v1' }] },
};
const REQUESTS = [{ 'end-user': 'jason' }, { 'end-user': 'alice' }, {}];

/** version → share of traffic, for a request, under an `http` section. */
function evaluate(http: Obj[], headers: Record<string, string>): Record<string, number> {
  const matches = (rule: Obj): boolean =>
    !rule['match'] ||
    (rule['match'] as Obj[]).some((m) => Object.entries((m['headers'] ?? {}) as Obj).every(([name, cond]) => headers[name] === cond['exact']));
  const rule = http.find(matches);
  if (!rule) return {};
  const route = rule['route'] as Obj[];
  return Object.fromEntries(route.map((d) => [d['destination']['subset'] as string, route.length === 1 ? 100 : (d['weight'] as number)]));
}

function mesh(routes: Obj[], profile: string): string {
  const service = (cluster: string) => ({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: 'reviews',
      annotations: {
        'multicluster-routes.dev/cluster': cluster,
        'multicluster-routes.dev/export': 'true',
        'multicluster-routes.dev/routes': JSON.stringify(routes),
      },
    },
    spec: { ports: [{ name: 'http', port: 9080 }], selector: { app: 'reviews' } },
  });
  const deployment = (version: string, cluster: string) => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: `reviews-${version}`, annotations: { 'multicluster-routes.dev/cluster': cluster } },
    spec: {
      selector: { matchLabels: { app: 'reviews', version } },
      template: { metadata: { labels: { app: 'reviews', version } }, spec: { containers: [{ name: 'r', image: 'r' }] } },
    },
  });
  const clusters = [
    { name: 'cluster1', gateway: { address: '192.0.2.10' } },
    { name: 'cluster2', gateway: { address: '198.51.100.20' } },
  ];
  return stringify({
    apiVersion: 'config.kubernetes.io/v1',
    kind: 'ResourceList',
    items: [service('cluster1'), deployment('v1', 'cluster1'), service('cluster2'), deployment('v2', 'cluster2'), deployment('v3', 'cluster2')],
    functionConfig: { apiVersion: 'multicluster-routes.dev/v1alpha1', kind: 'MulticlusterRoutes', spec: { profile, clusters } },
  });
}

describe.each(Object.keys(SINGLE_CLUSTER))('%s', (name) => {
  const rule = SINGLE_CLUSTER[name] as { http: Obj[]; routes: Obj[] };
  test.each(['current', 'classic'])('%s profile: every cluster routes every request as the single-cluster rule does', (profile) => {
    const { stdout, exitCode } = runKrm(mesh(rule.routes, profile));
    expect(exitCode).toBe(0);
    const services = ((parse(stdout) as Obj)['items'] as Obj[]).filter((r) => r['kind'] === 'VirtualService');
    expect(services.map((vs) => vs['metadata']['annotations']['multicluster-routes.dev/cluster'])).toEqual(['cluster1', 'cluster2']);
    for (const vs of services) {
      for (const request of REQUESTS) expect(evaluate(vs['spec']['http'] as Obj[], request)).toEqual(evaluate(rule.http, request));
    }
  });
});

/**
 * The golden cases of TCP, TLS and unnamed ports, followed request by request (test/support/routeEvaluator.ts):
 * from each cluster, which version in which cluster an HTTP request (with headers, from a pod with labels), a TCP
 * connection to a port or a TLS connection (by its SNI) reaches, and with what share.
 */
const GOLDEN = join(__dirname, '..', 'testdata');
const viewOf = (name: string): MeshView => new MeshView(parse(readFileSync(join(GOLDEN, name, 'expected.yaml'), 'utf8')) as Obj);
const batch = { sourceLabels: { app: 'batch' } };
const eightyTwenty = { 'v1@cluster1': 80, 'v2@cluster2': 20 };

type Expectation = [cluster: string, service: string, request: Request, reached: Reached];
const BOTH = ['cluster1', 'cluster2'];
const everywhere = (service: string, request: Request, reached: Reached): Expectation[] => BOTH.map((c) => [c, service, request, reached]);

const mixed: Expectation[] = [
  ...everywhere('reviews', { kind: 'http', port: 9080, headers: { 'end-user': 'jason' } }, { 'v2@cluster2': 100 }),
  ...everywhere('reviews', { kind: 'http', port: 9080, headers: { 'x-batch': '1' } }, { 'v1@cluster1': 50, 'v2@cluster2': 50 }),
  ...everywhere('reviews', { kind: 'http', port: 9080, ...batch }, { 'v1@cluster1': 50, 'v2@cluster2': 50 }),
  ...everywhere('reviews', { kind: 'http', port: 9080 }, { 'v1@cluster1': 100 }),
  // A connection carries no header: rule "jason" cannot take it, "from-batch" only by the caller's labels.
  ...everywhere('reviews', { kind: 'tcp', port: 9091, headers: { 'end-user': 'jason' } }, { 'v1@cluster1': 100 }),
  ...everywhere('reviews', { kind: 'tcp', port: 9091, ...batch }, { 'v1@cluster1': 50, 'v2@cluster2': 50 }),
  ...everywhere('reviews', { kind: 'tcp', port: 9091 }, { 'v1@cluster1': 100 }),
];

const CASES: Record<string, Expectation[]> = {
  'tcp-only': everywhere('orders-db', { kind: 'tcp', port: 5432 }, eightyTwenty),
  'tcp-only-classic': everywhere('orders-db', { kind: 'tcp', port: 5432 }, eightyTwenty),
  'tcp-mixed': mixed,
  'tcp-mixed-classic': mixed,
  'tcp-unnamed-ports': [
    ...everywhere('web', { kind: 'http', port: 8080, headers: { 'end-user': 'jason' } }, { 'v2@cluster2': 100 }),
    ...everywhere('web', { kind: 'http', port: 8080 }, { 'v1@cluster1': 100 }),
    // A sniffed port that sees no HTTP: TCP routes, where the header rule cannot apply.
    ...everywhere('web', { kind: 'tcp', port: 8080 }, { 'v1@cluster1': 100 }),
    ...everywhere('cache', { kind: 'tcp', port: 3306 }, { 'v2@cluster2': 100 }),
  ],
  'tcp-app-protocol': [
    ...everywhere('reviews', { kind: 'tcp', port: 9080 }, eightyTwenty),
    ...everywhere('reviews', { kind: 'http', port: 9090 }, eightyTwenty),
    ...everywhere('reviews', { kind: 'tcp', port: 9091 }, eightyTwenty),
  ],
  'tls-port': [
    ...everywhere('orders', { kind: 'http', port: 8080 }, eightyTwenty),
    ...everywhere('orders', { kind: 'tls', port: 8443 }, eightyTwenty),
    ...everywhere('orders', { kind: 'tls', port: 443 }, eightyTwenty),
    // Another SNI matches no TLS route: the connection stays on the local Service's pods.
    ['cluster1', 'orders', { kind: 'tls', port: 8443, sni: 'orders' }, { 'v1@cluster1': 100 }],
    ['cluster2', 'orders', { kind: 'tls', port: 8443, sni: 'orders' }, { 'v2@cluster2': 100 }],
  ],
};

describe.each(Object.keys(CASES))('golden case %s', (name) => {
  const view = viewOf(name);
  test.each((CASES[name] ?? []).map(([c, s, r, reached]) => [c, s, JSON.stringify(r), r, reached] as const))(
    'from %s, %s: %s',
    (cluster, service, _label, request, reached) => {
      expect(view.reach(cluster, service, request)).toEqual(reached);
    },
  );
});

/**
 * Every golden case that succeeds: from each cluster with a VirtualService, a plain HTTP request and a connection
 * to each TCP or TLS port it routes reach only versions that run in the cluster they are counted in (a Deployment
 * or StatefulSet there, or a remoteWorkloads fact), with shares that total 100 (or nothing: an HTTP request no rule
 * takes gets a 404).
 */ const succeeding = readdirSync(GOLDEN).filter((name) => !name.startsWith('error-') && existsSync(join(GOLDEN, name, 'input.yaml')));

test.each(succeeding)('golden case %s: every routed request reaches a running version', (name) => {
  const output = parse(readFileSync(join(GOLDEN, name, 'expected.yaml'), 'utf8')) as Obj;
  const view = new MeshView(output);
  // In overlay mode the other clusters' workloads are in the input only.
  const real = new Set([...runningVersions(output), ...runningVersions(parse(readFileSync(join(GOLDEN, name, 'input.yaml'), 'utf8')) as Obj)]);
  const services = ((output['items'] ?? []) as Obj[]).filter((r) => r['kind'] === 'VirtualService');
  for (const vs of services) {
    const cluster = vs['metadata']['annotations']['multicluster-routes.dev/cluster'] as string;
    const service = `${(vs['metadata']['namespace'] as string | undefined) ?? 'default'}/${(vs['spec']['hosts'] as string[])[0]?.split('.')[0] ?? ''}`;
    const ports = (kind: 'tcp' | 'tls'): number[] =>
      ((vs['spec'][kind] ?? []) as Obj[]).flatMap((rule) => (rule['match'] as Obj[]).map((m) => m['port'] as number));
    const requests: Request[] = [
      { kind: 'http', port: 0 },
      ...ports('tcp').map((port) => ({ kind: 'tcp' as const, port })),
      ...ports('tls').map((port) => ({ kind: 'tls' as const, port })),
    ];
    for (const request of requests) {
      const reached = view.reach(cluster, service, request);
      const total = Object.values(reached).reduce((a, b) => a + b, 0);
      const where = `${cluster} → ${service} ${JSON.stringify(request)}: ${JSON.stringify(reached)}`;
      expect([where, Object.keys(reached).filter((at) => !real.has(at))]).toEqual([where, []]);
      expect([where, Math.round(total)]).toEqual([where, request.kind === 'http' && total === 0 ? 0 : 100]);
    }
  }
});
