/**
 * The classic profile against the Istio blog "Version Routing in a Multicluster Service Mesh" (2019): for
 * cluster1 the function must produce what the blog wrote by hand, field for field. The blog's resources are
 * transcribed below. Differences the contract asks for, and only those, are normalised: the ServiceEntry is
 * named `reviews-global` (the blog: `reviews-default`), its address comes from the pool (the blog: any
 * unallocated IP, 127.255.0.3), its port takes the Service's port name (the blog: http1) and the canonical
 * protocol case (the blog: http), and the gateway address is the configured one (the blog: $CLUSTER2_GW_ADDR).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { runKrm } from '../src/modes/krm';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const BLOG_SERVICE_ENTRY = {
  hosts: ['reviews.default.global'],
  location: 'MESH_INTERNAL',
  ports: [{ name: 'http1', number: 9080, protocol: 'http' }],
  resolution: 'DNS',
  addresses: ['127.255.0.3'],
  endpoints: [{ address: '${CLUSTER2_GW_ADDR}', labels: { cluster: 'cluster2' }, ports: { http1: 15443 } }],
};
const BLOG_GLOBAL_RULE = {
  host: 'reviews.default.global',
  trafficPolicy: { tls: { mode: 'ISTIO_MUTUAL' } },
  subsets: [
    { name: 'v2', labels: { cluster: 'cluster2' } },
    { name: 'v3', labels: { cluster: 'cluster2' } },
  ],
};
const BLOG_LOCAL_RULE = {
  host: 'reviews.default.svc.cluster.local',
  trafficPolicy: { tls: { mode: 'ISTIO_MUTUAL' } },
  subsets: ['v1', 'v2', 'v3'].map((v) => ({ name: v, labels: { version: v } })),
};
const BLOG_VIRTUAL_SERVICE = {
  hosts: ['reviews.default.svc.cluster.local'],
  http: [
    {
      match: [{ headers: { 'end-user': { exact: 'jason' } } }],
      route: [
        { destination: { host: 'reviews.default.global', subset: 'v2' }, weight: 50 },
        { destination: { host: 'reviews.default.global', subset: 'v3' }, weight: 50 },
      ],
    },
    { route: [{ destination: { host: 'reviews.default.svc.cluster.local', subset: 'v1' } }] },
  ],
};

const input = readFileSync(join(__dirname, '..', 'testdata', 'bookinfo-classic', 'input.yaml'), 'utf8');
const output = parse(runKrm(input).stdout) as Obj;
const generated = (cluster: string): Obj[] =>
  (output['items'] as Obj[]).filter(
    (r) => r['metadata']['annotations']?.['multicluster-routes.dev/cluster'] === cluster && r['metadata']['labels']?.['app.kubernetes.io/managed-by'],
  );
const find = (cluster: string, kind: string, name: string): Obj => {
  const found = generated(cluster).find((r) => r['kind'] === kind && r['metadata']['name'] === name);
  if (!found) throw new Error(`no ${kind} ${name} for ${cluster}`);
  return found;
};

/** The blog's ServiceEntry with the contract's naming, address and gateway put in. */
function normalisedBlogEntry(ours: Obj, gateway: string): Obj {
  const portName = ours['spec']['ports'][0]['name'] as string;
  return {
    ...BLOG_SERVICE_ENTRY,
    ports: [{ ...BLOG_SERVICE_ENTRY.ports[0], name: portName, protocol: 'HTTP' }],
    addresses: ours['spec']['addresses'],
    endpoints: [{ ...BLOG_SERVICE_ENTRY.endpoints[0], address: gateway, ports: { [portName]: 15443 } }],
  };
}

describe('classic profile = the blog, for cluster1', () => {
  test("exactly the blog's four resources, in networking.istio.io/v1alpha3", () => {
    const kinds = generated('cluster1').map((r) => `${r['apiVersion']} ${r['kind']} ${r['metadata']['name']}`);
    expect(kinds.sort()).toEqual([
      'networking.istio.io/v1alpha3 DestinationRule reviews',
      'networking.istio.io/v1alpha3 DestinationRule reviews-global',
      'networking.istio.io/v1alpha3 ServiceEntry reviews-global',
      'networking.istio.io/v1alpha3 VirtualService reviews',
    ]);
  });
  test("ServiceEntry reviews.default.global through cluster2's gateway", () => {
    const ours = find('cluster1', 'ServiceEntry', 'reviews-global');
    expect(ours['spec']).toEqual(normalisedBlogEntry(ours, '198.51.100.20'));
    expect(ours['spec']['addresses'][0]).toMatch(/^240\.0\./);
  });
  test('DestinationRule for the global host', () => {
    expect(find('cluster1', 'DestinationRule', 'reviews-global')['spec']).toEqual(BLOG_GLOBAL_RULE);
  });
  test('DestinationRule for the local host, in both clusters', () => {
    expect(find('cluster1', 'DestinationRule', 'reviews')['spec']).toEqual(BLOG_LOCAL_RULE);
    expect(find('cluster2', 'DestinationRule', 'reviews')['spec']).toEqual(BLOG_LOCAL_RULE);
  });
  test('VirtualService: jason to v2/v3 in cluster2, everyone else to local v1', () => {
    expect(find('cluster1', 'VirtualService', 'reviews')['spec']).toEqual(BLOG_VIRTUAL_SERVICE);
  });
});

describe('classic profile, cluster2: the symmetric config', () => {
  test("reaches v1 through cluster1's gateway and keeps jason on its own v2/v3", () => {
    expect(find('cluster2', 'ServiceEntry', 'reviews-global')['spec']['endpoints']).toEqual([
      { address: '192.0.2.10', labels: { cluster: 'cluster1' }, ports: { http: 15443 } },
    ]);
    expect(find('cluster2', 'DestinationRule', 'reviews-global')['spec']['subsets']).toEqual([{ name: 'v1', labels: { cluster: 'cluster1' } }]);
    const local = 'reviews.default.svc.cluster.local';
    expect(find('cluster2', 'VirtualService', 'reviews')['spec']['http']).toEqual([
      { ...BLOG_VIRTUAL_SERVICE.http[0], route: ['v2', 'v3'].map((subset) => ({ destination: { host: local, subset }, weight: 50 })) },
      { route: [{ destination: { host: 'reviews.default.global', subset: 'v1' } }] },
    ]);
  });
});
