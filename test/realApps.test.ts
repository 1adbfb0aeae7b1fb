/**
 * A second real application: Google's Online Boutique (testdata/real/online-boutique; where it comes from and every
 * change made to it: SOURCE.md). Its release manifests are split over three clusters, productcatalogservice runs v1
 * in cluster1 and v2 (under its own ServiceAccount) in cluster2 with a canary rule, and every Service is exported.
 * In both profiles the run must succeed, pass Istio's schema checks, route every request in every cluster as the
 * rules say, label the pods of frontend and frontend-external (one Deployment) for both, and be deterministic and
 * idempotent.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseAllDocuments, stringify } from 'yaml';
import { runKrm } from '../src/modes/krm';
import { expectGolden } from './support/golden';
import { istioProblems, missingSubsets } from './support/istioChecks';
import type { Obj } from './support/resources';
import { evaluate, firstMatch } from './support/routes';

const ROOT = join(__dirname, '..', 'testdata', 'real', 'online-boutique');
const CLUSTERS = ['cluster1', 'cluster2', 'cluster3'];
const MANAGED = 'app.kubernetes.io/managed-by';
const label = (service: string): string => `service.multicluster-routes.dev/${service}`;

/** Every document of the package, with the file it comes from (relative to the package). */
const documents: Array<{ path: string; value: Obj }> = CLUSTERS.flatMap((cluster) =>
  readdirSync(join(ROOT, 'package', cluster))
    .sort()
    .flatMap((file) =>
      parseAllDocuments(readFileSync(join(ROOT, 'package', cluster, file), 'utf8'))
        .map((doc) => doc.toJS() as Obj | null)
        .filter((value): value is Obj => value !== null)
        .map((value) => ({ path: `${cluster}/${file}`, value })),
    ),
);

/** The package as kpt hands it to the function: each document annotated with its path and index. */
function resourceList(profile: string): string {
  const index = new Map<string, number>();
  const items = documents.map(({ path, value }) => {
    const at = index.get(path) ?? 0;
    index.set(path, at + 1);
    const annotations = { ...value['metadata']['annotations'], 'internal.config.kubernetes.io/path': path, 'internal.config.kubernetes.io/index': String(at) };
    return { ...value, metadata: { ...value['metadata'], annotations } };
  });
  const functionConfig = parse(readFileSync(join(ROOT, `${profile}.yaml`), 'utf8')) as Obj;
  return stringify({ apiVersion: 'config.kubernetes.io/v1', kind: 'ResourceList', items, functionConfig });
}

const clusterOf = (r: Obj): string =>
  r['metadata']['annotations']['multicluster-routes.dev/cluster'] ?? String(r['metadata']['annotations']['internal.config.kubernetes.io/path']).split('/')[0];
const podLabels = (r: Obj): Obj => r['spec']['template']['metadata']['labels'] as Obj;
const selects = (service: Obj, labels: Obj): boolean => Object.entries(service['spec']['selector'] as Obj).every(([k, v]) => labels[k] === v);

const services = [...new Set(documents.filter(({ value }) => value['kind'] === 'Service').map(({ value }) => value['metadata']['name'] as string))].sort();
const serviceNamed = (name: string): Obj =>
  (documents.find(({ value }) => value['kind'] === 'Service' && value['metadata']['name'] === name) as { value: Obj }).value;
const deployments = documents.filter(({ value }) => value['kind'] === 'Deployment');

/** service → version → the clusters that run it, read from the package. */
const runs = new Map(
  services.map((name) => {
    const versions = new Map<string, Set<string>>();
    for (const { path, value } of deployments.filter((d) => selects(serviceNamed(name), podLabels(d.value)))) {
      const version = podLabels(value)['version'] as string;
      versions.set(version, (versions.get(version) ?? new Set<string>()).add(path.split('/')[0] as string));
    }
    return [name, versions] as const;
  }),
);

/** The canary rule of current.yaml and classic.yaml, as a single-cluster Istio rule would write it. */
const canary = (subset: string, weight?: number): Obj => ({ destination: { subset }, ...(weight === undefined ? {} : { weight }) });
const RULES: Record<string, Obj[]> = {
  productcatalogservice: [{ match: [{ headers: { 'x-canary': { exact: 'true' } } }], route: [canary('v2')] }, { route: [canary('v1', 90), canary('v2', 10)] }],
};
const REQUESTS = [{ 'x-canary': 'true' }, { 'x-canary': 'false' }, {}];

/** Without rules, a cluster keeps traffic on the versions it runs, else sends it evenly to every version. */
function expectedShares(service: string, cluster: string, headers: Record<string, string>): Record<string, number> {
  const rules = RULES[service];
  if (rules) return evaluate(rules, headers);
  const versions = [...(runs.get(service) ?? new Map<string, Set<string>>())];
  const local = versions.filter(([, clusters]) => clusters.has(cluster)).map(([v]) => v);
  const targets = local.length > 0 ? local : versions.map(([v]) => v);
  return Object.fromEntries(targets.map((v) => [v, 100 / targets.length]));
}

test('the package is the release as published, with only the changes SOURCE.md lists', () => {
  const upstream = readFileSync(join(ROOT, 'upstream', 'kubernetes-manifests.yaml'), 'utf8').split('\n---\n');
  const source = readFileSync(join(ROOT, 'SOURCE.md'), 'utf8');
  for (const cluster of CLUSTERS) {
    const [header, ...docs] = readFileSync(join(ROOT, 'package', cluster, 'kubernetes-manifests.yaml'), 'utf8').split('\n---\n');
    expect(header).toBe(upstream[0]);
    // The one change to a released document: `version: v1` on the pod template of a Deployment that a Service selects.
    for (const doc of docs) expect(upstream.map((d) => d.trimEnd())).toContain(doc.replace(/^( {8}app: \S+\n) {8}version: v1\n/m, '$1').trimEnd());
    expect(docs.filter((d) => d.startsWith('apiVersion: v1\nkind: Service\n'))).toHaveLength(
      upstream.filter((d) => d.startsWith('apiVersion: v1\nkind: Service\n')).length,
    );
  }
  expect(source).toContain('cluster2/productcatalogservice-v2.yaml');
  expect(deployments.map((d) => d.value['metadata']['name']).sort()).toEqual(
    [...upstream.flatMap((d) => (/^kind: Deployment$/m.test(d) ? [/^ {2}name: (\S+)$/m.exec(d)?.[1]] : [])), 'productcatalogservice-v2'].sort(),
  );
});

test('productcatalogservice runs v1 in cluster1 and v2 in cluster2 under its own ServiceAccount', () => {
  expect([...(runs.get('productcatalogservice') ?? [])].map(([v, c]) => [v, [...c]])).toEqual([
    ['v1', ['cluster1']],
    ['v2', ['cluster2']],
  ]);
  const v2 = deployments.find((d) => d.value['metadata']['name'] === 'productcatalogservice-v2')?.value;
  expect(v2?.['spec']['template']['spec']['serviceAccountName']).toBe('productcatalogservice-v2');
});

describe.each(['current', 'classic'])('%s profile', (profile) => {
  const input = resourceList(profile);
  const run = runKrm(input);
  const list = parse(run.stdout) as Obj;
  const items = list['items'] as Obj[];
  const generated = items.filter((r) => r['metadata']['labels']?.[MANAGED] === 'multicluster-routes');
  const virtualService = (service: string, cluster: string): Obj | undefined =>
    generated.find((r) => r['kind'] === 'VirtualService' && r['metadata']['name'] === service && clusterOf(r) === cluster);

  test('exit code 0, no error, the output as expected', () => {
    expect(((list['results'] ?? []) as Obj[]).filter((r) => r['severity'] === 'error')).toEqual([]);
    expect(run.exitCode).toBe(0);
    expectGolden(join(ROOT, `expected-${profile}.yaml`), `# exit code: ${run.exitCode}\n${run.stdout}`);
  });

  test("generated resources pass Istio's schemas; every VirtualService subset exists", () => {
    const istio = generated.filter((r) => r['kind'] !== 'Service');
    expect(istio.length).toBeGreaterThan(50);
    expect(istio.flatMap((r) => istioProblems(r).map((p) => `${r['kind'] as string} ${r['metadata']['name'] as string}: ${p}`))).toEqual([]);
    expect(missingSubsets(generated)).toEqual([]);
  });

  test('deterministic: a second run gives the same output; idempotent: a run on the output changes nothing', () => {
    expect(runKrm(input)).toEqual(run);
    expect(runKrm(run.stdout)).toEqual(run);
  });

  test.each(services)('%s: every cluster routes every request as the rules say', (service) => {
    for (const cluster of CLUSTERS) {
      const vs = virtualService(service, cluster);
      for (const headers of REQUESTS) {
        const expected = expectedShares(service, cluster, headers);
        if (!vs) {
          // No VirtualService only for a service without rules whose traffic all stays on the cluster's own versions.
          expect(RULES[service]).toBeUndefined();
          expect(Object.keys(expected).every((v) => runs.get(service)?.get(v)?.has(cluster))).toBe(true);
          continue;
        }
        // A TCP service's rules are `tcp` rules, which match every request here (none matches on headers).
        const rules = (vs['spec']['http'] ?? vs['spec']['tcp']) as Obj[];
        expect(evaluate(rules, headers)).toEqual(expected);
        for (const { destination } of (firstMatch(rules, headers)?.['route'] ?? []) as Obj[]) {
          const local =
            runs
              .get(service)
              ?.get(destination['subset'] as string)
              ?.has(cluster) ?? false;
          const host = profile === 'current' || !local ? `${service}.default.global` : `${service}.default.svc.cluster.local`;
          expect([cluster, destination['host']]).toEqual([cluster, host]);
        }
      }
    }
  });

  test('pods carry one label per exported Service that selects them (frontend and frontend-external alike), current profile only', () => {
    for (const workload of items.filter((r) => r['kind'] === 'Deployment')) {
      const labels = podLabels(workload);
      const ours = Object.keys(labels).filter((k) => k.includes('multicluster-routes.dev'));
      const wanted = profile === 'current' ? services.filter((s) => selects(serviceNamed(s), labels)).map(label) : [];
      expect([workload['metadata']['name'], ours.sort()]).toEqual([workload['metadata']['name'], wanted.sort()]);
      for (const key of ours) expect(labels[key]).toBe('true');
    }
    const frontend = items.find((r) => r['kind'] === 'Deployment' && r['metadata']['name'] === 'frontend') as Obj;
    if (profile === 'current') expect(Object.keys(podLabels(frontend))).toEqual(expect.arrayContaining([label('frontend'), label('frontend-external')]));
  });

  if (profile === 'current') {
    test("each global host selects its own Service's pods and WorkloadEntries", () => {
      for (const entry of generated.filter((r) => r['kind'] === 'ServiceEntry')) {
        const service = (entry['metadata']['name'] as string).replace(/-global$/, '');
        expect(entry['spec']['workloadSelector']).toEqual({ labels: { [label(service)]: 'true' } });
        const entries = generated.filter(
          (r) => r['kind'] === 'WorkloadEntry' && clusterOf(r) === clusterOf(entry) && r['metadata']['name'].startsWith(`${service}-v`),
        );
        for (const we of entries) expect(we['spec']['labels'][label(service)]).toBe('true');
      }
    });

    test('a cluster that runs no productcatalogservice knows the identity of v2, which has its own ServiceAccount', () => {
      const cluster3 = stringify(generated.filter((r) => clusterOf(r) === 'cluster3'));
      expect(cluster3).toContain('spiffe://cluster.local/ns/default/sa/productcatalogservice-v2');
      expect(cluster3).toContain('spiffe://cluster.local/ns/default/sa/productcatalogservice\n');
    });

    // Issue 10, item "targetPort" (branch real-ports): the global host must reach the pods on the port they listen on
    // (frontend: port 80, targetPort 8080). The lead flips this to `test` once that branch is merged.
    test.failing('the ServiceEntry of a Service whose targetPort differs from its port sends to the targetPort', () => {
      const entries = generated.filter((r) => r['kind'] === 'ServiceEntry' && r['metadata']['name'] === 'frontend-global');
      expect(entries).toHaveLength(3);
      for (const entry of entries) expect(entry['spec']['ports']).toEqual([expect.objectContaining({ number: 80, targetPort: 8080 })]);
    });
  }

  // Issue 10, item "TCP/TLS ports" (branch real-tcp): redis-cart serves `tcp-redis`, which `http` routes never see; a
  // cluster without it must route its TCP traffic to the global host. The lead flips this to `test` after the merge.
  test.failing('redis-cart, a TCP service, is routed by tcp rules where it does not run', () => {
    for (const cluster of ['cluster2', 'cluster3']) {
      const vs = virtualService('redis-cart', cluster) as Obj;
      const tcp = (vs['spec']['tcp'] ?? []) as Obj[];
      expect(tcp.length).toBeGreaterThan(0);
      for (const rule of tcp) for (const { destination } of rule['route'] as Obj[]) expect(destination['host']).toBe('redis-cart.default.global');
    }
  });
});
