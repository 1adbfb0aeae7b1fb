/** Cases the random fuzzing found (with seeds CI's fixed one never met), kept as deterministic tests. */
import { parse } from 'yaml';
import { runKrm } from '../src/modes/krm';

type Obj = Record<string, unknown>;

const HEAD = 'apiVersion: config.kubernetes.io/v1\nkind: ResourceList\n';
const config = (extra = ''): string =>
  `functionConfig: {apiVersion: multicluster-routes.dev/v1alpha1, kind: MulticlusterRoutes, spec: {${extra}clusters: [{name: c1, gateway: {address: 192.0.2.1}}, {name: c2, gateway: {address: 192.0.2.2}}]}}\n`;
const service = (name: string): string =>
  `- {apiVersion: v1, kind: Service, metadata: {name: ${name}, annotations: {multicluster-routes.dev/cluster: c1, multicluster-routes.dev/export: "true"}}, spec: {ports: [{name: http, port: 80}], selector: {app: web}}}\n`;
const deployment = (version: string, cluster: string): string =>
  `- {apiVersion: apps/v1, kind: Deployment, metadata: {name: web-${version}, annotations: {multicluster-routes.dev/cluster: ${cluster}}}, spec: {selector: {matchLabels: {app: web, version: ${version}}}, template: {metadata: {labels: {app: web, version: ${version}}}, spec: {containers: [{name: web, image: example.com/web:1}]}}}}\n`;
const list = (items: string, extra = ''): string => `${HEAD}items:\n${items}${config(extra)}`;
const messages = (stdout: string): string[] => (((parse(stdout) as Obj)['results'] ?? []) as Obj[]).map((r) => String(r['message']));

test.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])('a resource of kind %s is passed through, in overlay mode too', (kind) => {
  const odd = `- {apiVersion: v1, kind: ${kind}, metadata: {name: odd, annotations: {multicluster-routes.dev/cluster: c1}}}\n`;
  for (const extra of ['', 'targetCluster: c1, ']) {
    const result = runKrm(list(`${service('web')}${deployment('v1', 'c1')}${deployment('v2', 'c2')}${odd}`, extra));
    expect(messages(result.stdout).filter((m) => !m.startsWith('warning'))).toEqual([]);
    expect(result.exitCode).toBe(0);
    expect(((parse(result.stdout) as Obj)['items'] as Obj[]).map((i) => i['kind'])).toContain(kind);
  }
});

test('a Service name of 64 characters is an error (its workloadSelector label value would be longer than 63)', () => {
  const name = `w${'x'.repeat(63)}`;
  const result = runKrm(list(`${service(name)}${deployment('v1', 'c1')}${deployment('v2', 'c2')}`));
  expect(result.exitCode).toBe(1);
  expect(messages(result.stdout).join('\n')).toContain(`metadata.name "${name}" is not a name Kubernetes accepts`);
});

test('a ConfigMap functionConfig whose data value is a map is an error, on both readers (it was an internal error on the exact path: "Cannot convert object to primitive value")', () => {
  const configMap = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' }, data: { clusters: { length: {} } } };
  const json = JSON.stringify({ apiVersion: 'config.kubernetes.io/v1', kind: 'ResourceList', items: [], functionConfig: configMap });
  const yaml = `${HEAD}items: []\nfunctionConfig: {apiVersion: v1, kind: ConfigMap, metadata: {name: x}, data: {clusters: {length: {}}}}\n`;
  for (const input of [json, yaml]) {
    const result = runKrm(input);
    expect(result.exitCode).toBe(1);
    expect(messages(result.stdout)).toEqual([expect.stringContaining("functionConfig data.clusters: is a map, but a ConfigMap's data values are strings")]);
  }
});
