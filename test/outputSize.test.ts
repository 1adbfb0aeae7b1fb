/**
 * Output grows as clusters² × services: every cluster gets endpoints in every other. The size is estimated before
 * anything is planned, and a mesh above spec.output.maxMiB is refused at once with an error naming both.
 */
import { parse } from 'yaml';
import { parseConfig } from '../src/config/parseConfig';
import { parseResourceList } from '../src/krm/resourceList';
import { runKrm } from '../src/modes/krm';
import { estimateOutputBytes } from '../src/output/estimate';
import { buildMesh } from '../src/topology/buildMesh';
import { takeInventory } from '../src/topology/inventory';

type Obj = Record<string, unknown>;

/** `services` exported Services, each with a Deployment (its own version) in every one of `clusters` clusters. */
function mesh(services: number, clusters: number, output = ''): string {
  const items: string[] = [];
  for (let s = 0; s < services; s++) {
    const c1 = 'multicluster-routes.dev/cluster: c0';
    items.push(
      `- {apiVersion: v1, kind: Service, metadata: {name: s${s}, annotations: {${c1}, multicluster-routes.dev/export: "true"}}, spec: {ports: [{name: http, port: 80}], selector: {app: s${s}}}}`,
    );
    for (let c = 0; c < clusters; c++)
      items.push(
        `- {apiVersion: apps/v1, kind: Deployment, metadata: {name: s${s}-v${c}, annotations: {multicluster-routes.dev/cluster: c${c}}}, spec: {selector: {matchLabels: {app: s${s}}}, template: {metadata: {labels: {app: s${s}, version: v${c}}}}}}`,
      );
  }
  const gateways = Array.from({ length: clusters }, (_, c) => `{name: c${c}, gateway: {address: 192.0.${Math.floor(c / 250)}.${(c % 250) + 1}}}`);
  const config = `functionConfig: {apiVersion: multicluster-routes.dev/v1alpha1, kind: MulticlusterRoutes, spec: {${output}clusters: [${gateways.join(', ')}]}}`;
  return `apiVersion: config.kubernetes.io/v1\nkind: ResourceList\nitems:\n${items.join('\n')}\n${config}\n`;
}

const errors = (stdout: string): Obj[] => (((parse(stdout) as Obj)['results'] ?? []) as Obj[]).filter((r) => r['severity'] === 'error');

test('a 2.8 MB input that asks for hundreds of MiB of output is refused in moments, naming the size and the limit', () => {
  const input = mesh(250, 50);
  expect(input.length).toBeGreaterThan(2_400_000);
  const started = Date.now();
  const result = runKrm(input);
  expect(Date.now() - started).toBeLessThan(10_000);
  expect(result.exitCode).toBe(1);
  const [error] = errors(result.stdout);
  expect(error?.['message']).toMatch(
    /^the output would be about [\d,]+ MiB \(250 exported services in 50 clusters; .*more than spec\.output\.maxMiB \(256 MiB\)/,
  );
  expect(error?.['field']).toEqual({ path: 'spec.output.maxMiB' });
});

test.each([
  [20, 8],
  [5, 30],
  [60, 3],
])('for %i services in %i clusters the estimate is above the real size, and within twice it', (services, clusters) => {
  const input = mesh(services, clusters);
  const list = parseResourceList(input);
  if (!list.ok) throw new Error('not a ResourceList');
  const config = parseConfig(list.value.functionConfig);
  if (!config.ok) throw new Error('bad functionConfig');
  const estimated = estimateOutputBytes(buildMesh(takeInventory(list.value.items, config.spec).entries, config.spec).mesh, config.spec);
  const result = runKrm(input);
  expect(result.exitCode).toBe(0);
  const real = result.stdout.length - input.length;
  expect(estimated).toBeGreaterThan(real);
  expect(estimated).toBeLessThan(2 * real);
});

test('spec.output.maxMiB sets the limit', () => {
  const input = mesh(60, 12);
  expect(runKrm(input).exitCode).toBe(0);
  const result = runKrm(input.replace('spec: {clusters', 'spec: {output: {maxMiB: 1}, clusters'));
  expect(result.exitCode).toBe(1);
  expect(errors(result.stdout)[0]?.['message']).toMatch(/^the output would be about \d MiB .*more than spec\.output\.maxMiB \(1 MiB\)/);
});
