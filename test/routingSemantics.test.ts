/**
 * Istio's own single-cluster rules for bookinfo's reviews (samples/bookinfo/networking, transcribed below as
 * their `http` sections) rewritten as multicluster routes, with v1 in cluster1 and v2, v3 in cluster2: in every
 * cluster and both profiles, each request must reach the same versions with the same shares as the
 * single-cluster rule gives. A small evaluator reads both VirtualServices the way Envoy applies them (first
 * matching rule, exact header matches, weights; one destination means all traffic).
 */
import { parse, stringify } from 'yaml';
import { runKrm } from '../src/modes/krm';
import { evaluate } from './support/routes';

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
