import { istioProblems, missingSubsets } from './istioChecks';

const meta = { name: 'x', namespace: 'default', annotations: { 'multicluster-routes.dev/cluster': 'c1' } };

describe('the output checks can fail', () => {
  test('a schema violation is caught', () => {
    const se = { apiVersion: 'networking.istio.io/v1', kind: 'ServiceEntry', metadata: meta, spec: { hosts: ['a.b.global'], location: 'SOMEWHERE' } };
    expect(istioProblems(se).join()).toMatch(/location/);
  });
  test('a CEL rule is caught', () => {
    const spec = { hosts: ['a.b.global'], workloadSelector: { labels: { a: 'b' } }, endpoints: [{ address: '1.2.3.4' }] };
    expect(istioProblems({ apiVersion: 'networking.istio.io/v1', kind: 'ServiceEntry', metadata: meta, spec })).toContain(
      'only one of WorkloadSelector or Endpoints can be set',
    );
  });
  test('a kind the apiVersion does not serve is caught', () => {
    expect(istioProblems({ apiVersion: 'networking.istio.io/v1alpha3', kind: 'ProxyConfig', metadata: meta, spec: {} })).toHaveLength(1);
  });
  test('a valid resource passes', () => {
    const dr = {
      apiVersion: 'networking.istio.io/v1alpha3',
      kind: 'DestinationRule',
      metadata: meta,
      spec: { host: 'a', subsets: [{ name: 'v1', labels: { version: 'v1' } }] },
    };
    expect(istioProblems(dr)).toEqual([]);
  });
  test('a subset without a DestinationRule is caught', () => {
    const vs = { kind: 'VirtualService', metadata: meta, spec: { http: [{ route: [{ destination: { host: 'a', subset: 'v9' } }] }] } };
    const dr = { kind: 'DestinationRule', metadata: meta, spec: { host: 'a', subsets: [{ name: 'v1' }] } };
    expect(missingSubsets([vs, dr])).toEqual(['c1: a subset v9']);
  });
  test("the webhook's VirtualService rules are caught: TLS matches without SNI, weights, an empty VirtualService", () => {
    const vs = (spec: object) => ({
      apiVersion: 'networking.istio.io/v1',
      kind: 'VirtualService',
      metadata: meta,
      spec: { hosts: ['a.b.svc.cluster.local'], ...spec },
    });
    const to = (subset: string, weight: number) => ({ destination: { host: 'a', subset }, weight });
    expect(istioProblems(vs({}))).toEqual(['http, tcp or tls must be provided in virtual service']);
    expect(istioProblems(vs({ tls: [{ match: [{ port: 443 }], route: [to('v1', 100)] }] }))).toContain('tls[0]: TLS match must have at least one SNI host');
    expect(istioProblems(vs({ tls: [{ match: [{ sniHosts: ['a'] }], route: [to('v1', 100)] }] }))).toEqual([
      'tls[0]: SNI host a is not a host of the VirtualService',
    ]);
    expect(istioProblems(vs({ tcp: [{ route: [to('v1', 60), to('v2', 30)] }] }))).toEqual(["tcp[0]: weights total 90, Istio's webhook requires 100"]);
    const tls = { tls: [{ match: [{ sniHosts: ['a.b.svc.cluster.local'], port: 443 }], route: [to('v1', 100)] }] };
    expect(istioProblems(vs(tls))).toEqual([]);
  });
  test('a TCP subset without a DestinationRule is caught', () => {
    const vs = { kind: 'VirtualService', metadata: meta, spec: { tcp: [{ route: [{ destination: { host: 'a', subset: 'v9' } }] }] } };
    expect(missingSubsets([vs])).toEqual(['c1: a subset v9']);
  });
});
