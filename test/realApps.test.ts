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
import type { Reached, Request } from './support/routeEvaluator';
import { MeshView } from './support/routeEvaluator';

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

/**
 * Where a request from any cluster must go, by the rules of current.yaml and classic.yaml: productcatalogservice's
 * canary rule; for every other service (one version each), its only version where it runs.
 */
function expectedReach(service: string, request: Request): Reached {
  if (service === 'productcatalogservice') return request.headers?.['x-canary'] === 'true' ? { 'v2@cluster2': 100 } : { 'v1@cluster1': 90, 'v2@cluster2': 10 };
  const versions = [...(runs.get(service) ?? [])].flatMap(([version, clusters]) => [...clusters].map((c) => `${version}@${c}`));
  return Object.fromEntries(versions.map((at) => [at, 100 / versions.length]));
}

/** The requests to a service: per port, HTTP (gRPC too) with and without the canary header, or a TCP connection. */
function requestsTo(service: string): Request[] {
  return (serviceNamed(service)['spec']['ports'] as Obj[]).flatMap((p): Request[] => {
    const port = p['port'] as number;
    if (String(p['name']).startsWith('tcp')) return [{ kind: 'tcp', port }];
    return [
      { kind: 'http', port, headers: { 'x-canary': 'true' } },
      { kind: 'http', port, headers: { 'x-canary': 'false' } },
      { kind: 'http', port },
    ];
  });
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

  test.each(services)('%s: from every cluster, every request reaches the versions the rules say', (service) => {
    // Followed as a sidecar does: VirtualService, DestinationRule subset, then the pods the ServiceEntry's
    // workloadSelector selects (by the labels on the pods) and the WorkloadEntries at remote gateways.
    const view = new MeshView(list);
    for (const cluster of CLUSTERS)
      for (const request of requestsTo(service))
        expect([cluster, request, view.reach(cluster, service, request)]).toEqual([cluster, request, expectedReach(service, request)]);
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

    // The global host must reach the pods on the port they listen on (frontend: port 80, targetPort 8080).
    test('the ServiceEntry of a Service whose targetPort differs from its port sends to the targetPort', () => {
      const entries = generated.filter((r) => r['kind'] === 'ServiceEntry' && r['metadata']['name'] === 'frontend-global');
      expect(entries).toHaveLength(3);
      for (const entry of entries) expect(entry['spec']['ports']).toEqual([expect.objectContaining({ number: 80, targetPort: 8080 })]);
    });
  }
});
