import { parseDocument } from 'yaml';
import type { YAMLMap } from 'yaml';
import { Item } from '../krm/item';
import { parseConfig } from './parseConfig';

const item = (yaml: string): Item => {
  const doc = parseDocument(yaml, { schema: 'failsafe' });
  return new Item(doc.contents as YAMLMap, doc);
};
const configMap = (data: Record<string, string>): Item =>
  item(
    `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n${Object.entries(data)
      .map(([k, v]) => `  ${k}: ${JSON.stringify(v)}`)
      .join('\n')}\n`,
  );

describe('the ConfigMap form', () => {
  test('compact clusters: name=address[:port], IPv6 in brackets', () => {
    const outcome = parseConfig(configMap({ clusters: 'c1=192.0.2.1, c2=gw.example.com:443,c3=[2001:db8::1]:15444,c4=2001:db8::2' }));
    expect(outcome.ok && outcome.spec.clusters).toEqual([
      { name: 'c1', gateway: { address: '192.0.2.1', port: 15443, listenPort: 15443 } },
      { name: 'c2', gateway: { address: 'gw.example.com', port: 443, listenPort: 15443 } },
      { name: 'c3', gateway: { address: '2001:db8::1', port: 15444, listenPort: 15443 } },
      { name: 'c4', gateway: { address: '2001:db8::2', port: 15443, listenPort: 15443 } },
    ]);
  });
  test('scalars, booleans, a selector and YAML-valued keys', () => {
    const outcome = parseConfig(
      configMap({
        clusters: 'c1=192.0.2.1',
        profile: 'classic',
        exportAll: 'true',
        gatewaySelector: 'istio=eastwest,topology=x',
        'output.path': 'out/{cluster}.yaml',
        services: '[{name: reviews, routes: [{to: v1}]}]',
      }),
    );
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.spec).toMatchObject({
      profile: 'classic',
      exportAll: true,
      gatewaySelector: { istio: 'eastwest', topology: 'x' },
      output: { path: 'out/{cluster}.yaml' },
    });
    expect(outcome.spec.services).toEqual([{ name: 'reviews', namespace: 'default', routes: [{ to: 'v1' }] }]);
  });
  test('a map or list where a data value belongs is an error that says the value must be text', () => {
    for (const value of ['{length: {}}', '[a, b]']) {
      const outcome = parseConfig(item(`apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  clusters: ${value}\n`));
      expect(!outcome.ok && outcome.results.map((r) => [r.field, r.message])).toEqual([
        [
          'data.clusters',
          expect.stringMatching(/^functionConfig data\.clusters: is a (map|list), but a ConfigMap's data values are strings; write it as text/),
        ],
      ]);
    }
  });
  test('an error names the data key', () => {
    const outcome = parseConfig(configMap({ clusters: 'c1=192.0.2.1', profile: 'fancy' }));
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.results).toEqual([expect.objectContaining({ field: 'data.profile', message: expect.stringContaining('"fancy"') })]);
  });
});

describe('MulticlusterRoutes', () => {
  test('defaults are filled in', () => {
    const outcome = parseConfig(
      item('apiVersion: multicluster-routes.dev/v1alpha1\nkind: MulticlusterRoutes\nspec:\n  clusters: [{name: c1, gateway: {address: 192.0.2.1}}]\n'),
    );
    expect(outcome.ok && outcome.spec).toEqual({
      clusters: [{ name: 'c1', gateway: { address: '192.0.2.1', port: 15443, listenPort: 15443 } }],
      profile: 'current',
      istioApiVersion: 'networking.istio.io/v1',
      globalSuffix: 'global',
      tlsMode: 'ISTIO_MUTUAL',
      gatewaySelector: { istio: 'eastwestgateway' },
      trustDomain: 'cluster.local',
      versionLabel: 'version',
      exportAll: false,
      output: { path: 'clusters/{cluster}/multicluster-routes.yaml', maxMiB: 256 },
      services: [],
      remoteWorkloads: [],
    });
  });
  test('a typo is answered with the field it probably meant', () => {
    const outcome = parseConfig(
      item('apiVersion: multicluster-routes.dev/v1alpha1\nkind: MulticlusterRoutes\nspec:\n  clusters: [{name: c1, gateway: {adress: 192.0.2.1}}]\n'),
    );
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.results.map((r) => r.message)).toContain('functionConfig spec.clusters[0].gateway.adress: unknown field "adress"; did you mean "address"?');
  });
  test('a glob longer than 1024 characters is refused, and the message quotes only its start', () => {
    const glob = `${'x'.repeat(100_000)}/**`;
    const outcome = parseConfig(
      item(
        `apiVersion: multicluster-routes.dev/v1alpha1\nkind: MulticlusterRoutes\nspec:\n  clusters: [{name: c1, gateway: {address: 192.0.2.1}, paths: ["${glob}"]}]\n`,
      ),
    );
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.results).toEqual([
      expect.objectContaining({
        field: 'spec.clusters[0].paths[0]',
        message: `functionConfig spec.clusters[0].paths[0]: a glob may have at most 1024 characters; match the files with a shorter pattern such as "cluster1/**" (got "${'x'.repeat(80)}"… (100003 characters))`,
      }),
    ]);
  });
  test("remoteWorkloads ports are checked as a Service's are", () => {
    const outcome = parseConfig(
      item(
        'apiVersion: multicluster-routes.dev/v1alpha1\nkind: MulticlusterRoutes\nspec:\n  clusters: [{name: c1, gateway: {address: 192.0.2.1}}]\n' +
          '  remoteWorkloads: [{service: api, cluster: c1, version: v1, ports: [{name: http, port: 80}, {name: http, port: 80}]}]\n',
      ),
    );
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.results.map((r) => r.field)).toEqual(['spec.remoteWorkloads[0].ports[1].name', 'spec.remoteWorkloads[0].ports[1].port']);
    expect(outcome.results[1]?.message).toMatch(/^functionConfig spec\.remoteWorkloads\[0\]\.ports\[1\]\.port: 80 is also the number of ports\[0\]/);
  });
  test('a gatewaySelector key __proto__ is refused by name, not dropped (which would widen the selector)', () => {
    const outcome = parseConfig(
      item(
        'apiVersion: multicluster-routes.dev/v1alpha1\nkind: MulticlusterRoutes\nspec:\n  clusters: [{name: c1, gateway: {address: 192.0.2.1}}]\n' +
          '  gatewaySelector: {istio: eastwestgateway, __proto__: x}\n',
      ),
    );
    expect(!outcome.ok && outcome.results.map((r) => r.message)).toEqual([
      'functionConfig spec.gatewaySelector: label "__proto__": a label key is a name of at most 63 letters, digits, "-", "_" and ".", starting and ending with a letter or digit, with an optional DNS prefix and "/"',
    ]);
  });
  test('another kind is refused with the kinds that work', () => {
    const outcome = parseConfig(item('apiVersion: v1\nkind: Secret\n'));
    expect(!outcome.ok && outcome.results[0]?.message).toMatch(/use apiVersion multicluster-routes.dev\/v1alpha1, kind MulticlusterRoutes \(or a ConfigMap\)/);
  });
});
