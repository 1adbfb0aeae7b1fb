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
});
