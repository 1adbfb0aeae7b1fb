/**
 * What Istio makes of the generated resources, modelled from its code, on golden inputs of the current profile:
 *
 * - the port a selected pod gets is the one Kubernetes gives it: Istio takes the pod's container port named like the
 *   ServiceEntry port, else the port's targetPort, else its number (pilot/pkg/serviceregistry/serviceentry/
 *   conversion.go, convertWorkloadInstanceToServiceInstance; named TCP container ports, first wins: kube/controller/
 *   pod.go, getPortMap), where Kubernetes takes the Service port's targetPort, a number or a container port's name;
 * - a client accepts every serving workload's identity: its own cluster's pods' plus the ServiceEntry's
 *   subjectAltNames (pilot/pkg/model/push_context.go, initServiceAccounts, addServiceAccounts);
 * - each cluster gets the share of a subset's traffic that it has of the version's pods: a pod weighs 1, a
 *   WorkloadEntry its weight (pilot/pkg/model/service.go, GetLoadBalancingWeight).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { runKrm } from '../src/modes/krm';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

interface Pod {
  readonly cluster: string;
  readonly namespace: string;
  readonly labels: Record<string, string>;
  readonly spec: Obj;
  readonly replicas: number;
}

const CASES = ['target-port', 'identities-per-version', 'endpoint-weights', 'warning-unknown-identity', 'gateway-listen-port', 'no-routes-current'];

function load(name: string): { input: Obj; output: Obj[]; exitCode: number } {
  const text = readFileSync(join(__dirname, '..', 'testdata', name, 'input.yaml'), 'utf8');
  const run = runKrm(text);
  return { input: parse(text) as Obj, output: (parse(run.stdout) as Obj)['items'] as Obj[], exitCode: run.exitCode };
}

const clusterOf = (r: Obj, spec: Obj): string => r['metadata']['annotations']?.['multicluster-routes.dev/cluster'] ?? spec['targetCluster'];
const isGenerated = (r: Obj): boolean => r['metadata']['labels']?.['app.kubernetes.io/managed-by'] === 'multicluster-routes';
const namespaceOf = (r: Obj): string => r['metadata']['namespace'] ?? 'default';
const selects = (selector: Obj, labels: Obj): boolean => Object.entries(selector).every(([k, v]) => labels[k] === v);

/** The pods of the output's workloads (labelled as the function leaves them), one template per workload. */
function podsOf(output: Obj[], spec: Obj): Pod[] {
  return output
    .filter((r) => ['Deployment', 'StatefulSet'].includes(r['kind']))
    .map((r) => ({
      cluster: clusterOf(r, spec),
      namespace: namespaceOf(r),
      labels: r['spec']['template']['metadata']['labels'],
      spec: r['spec']['template']['spec'],
      replicas: r['spec']['replicas'] ?? 1,
    }));
}

/** getPortMap: named TCP container ports, the first of a name wins. */
function portMap(pod: Pod): Map<string, number> {
  const map = new Map<string, number>();
  for (const c of pod.spec['containers'] ?? [])
    for (const p of c['ports'] ?? []) if (p['name'] && (p['protocol'] ?? 'TCP') === 'TCP' && !map.has(p['name'])) map.set(p['name'], p['containerPort']);
  return map;
}

const generatedIn = (output: Obj[], spec: Obj, kind: string, cluster: string): Obj[] =>
  output.filter((r) => isGenerated(r) && r['kind'] === kind && clusterOf(r, spec) === cluster);

describe.each(CASES)('%s', (name) => {
  const { input, output, exitCode } = load(name);
  const spec = input['functionConfig']['spec'] as Obj;

  test('runs', () => {
    expect(exitCode).toBe(0);
  });

  const pods = podsOf(output, spec);
  const clusters = (spec['clusters'] as Obj[]).map((c) => c['name'] as string).filter((c) => !spec['targetCluster'] || c === spec['targetCluster']);
  const entries = (cluster: string): Obj[] => generatedIn(output, spec, 'ServiceEntry', cluster);
  const localPods = (se: Obj, cluster: string): Pod[] =>
    pods.filter((p) => p.cluster === cluster && p.namespace === namespaceOf(se) && selects(se['spec']['workloadSelector']['labels'], p.labels));

  test('every selected pod gets, for every port, the port Kubernetes gives it', () => {
    for (const cluster of clusters)
      for (const se of entries(cluster)) {
        const service = output.find(
          (r) =>
            r['kind'] === 'Service' &&
            !isGenerated(r) &&
            clusterOf(r, spec) === cluster &&
            r['metadata']['name'] === se['metadata']['name'].replace(/-global$/, ''),
        );
        for (const pod of localPods(se, cluster))
          for (const port of se['spec']['ports'] as Obj[]) {
            const named = portMap(pod);
            const istio = named.get(port['name']) ?? port['targetPort'] ?? port['number'];
            const target = (service?.['spec']['ports'] as Obj[]).find((p) => p['port'] === port['number'])?.['targetPort'] ?? port['number'];
            const kubernetes = typeof target === 'string' ? named.get(target) : target;
            expect({ cluster, port: port['number'], istio }).toEqual({ cluster, port: port['number'], istio: kubernetes });
          }
      }
  });

  test("a client accepts every serving workload's identity, or the function warns that one is unknown", () => {
    const trustDomain = spec['trustDomain'] ?? 'cluster.local';
    const identity = (namespace: string, account: string): string => `spiffe://${trustDomain}/ns/${namespace}/sa/${account}`;
    for (const cluster of clusters)
      for (const se of entries(cluster)) {
        const namespace = namespaceOf(se);
        const service = se['metadata']['name'].replace(/-global$/, '');
        const facts = ((spec['remoteWorkloads'] ?? []) as Obj[]).filter((f) => f['service'] === service && (f['namespace'] ?? 'default') === namespace);
        if (facts.some((f) => f['serviceAccount'] === undefined)) {
          expect(se['spec']['subjectAltNames']).toBeUndefined();
          continue;
        }
        const account = (p: Pod): string => identity(namespace, p.spec['serviceAccountName'] ?? 'default');
        const serving = [
          ...pods.filter((p) => p.namespace === namespace && selects(se['spec']['workloadSelector']['labels'], p.labels)).map(account),
          ...facts.map((f) => identity(namespace, f['serviceAccount'])),
        ];
        const accepted = new Set([...localPods(se, cluster).map(account), ...(se['spec']['subjectAltNames'] ?? [])]);
        expect({ cluster, missing: serving.filter((s) => !accepted.has(s)) }).toEqual({ cluster, missing: [] });
      }
  });

  test("each cluster gets the share of a subset's traffic that it has of the version's pods", () => {
    const label = spec['versionLabel'] ?? 'version';
    for (const cluster of clusters)
      for (const se of entries(cluster)) {
        const service = se['metadata']['name'].replace(/-global$/, '');
        const entriesOf = generatedIn(output, spec, 'WorkloadEntry', cluster).filter(
          (we) => we['spec']['labels'][`service.multicluster-routes.dev/${service}`] === 'true',
        );
        const versions = new Set([...localPods(se, cluster).map((p) => p.labels[label]), ...entriesOf.map((we) => we['spec']['labels'][label])]);
        for (const version of versions) {
          const local = localPods(se, cluster)
            .filter((p) => p.labels[label] === version)
            .reduce((n, p) => n + p.replicas, 0);
          const remote = entriesOf.filter((we) => we['spec']['labels'][label] === version).map((we) => we['spec']['weight'] ?? 1);
          const servedBy = (c: string): number =>
            pods
              .filter((p) => p.cluster === c && p.labels[label] === version && p.labels[`service.multicluster-routes.dev/${service}`] === 'true')
              .reduce((n, p) => n + p.replicas, 0) +
            ((spec['remoteWorkloads'] ?? []) as Obj[])
              .filter((f) => f['service'] === service && f['cluster'] === c && f['version'] === version)
              .reduce((n, f) => n + (f['replicas'] ?? 1), 0);
          const expected = (spec['clusters'] as Obj[]).map((c) => servedBy(c['name'])).filter((n) => n > 0);
          const actual = [local, ...remote].filter((n) => n > 0);
          expect({ cluster, version, weights: actual.sort() }).toEqual({ cluster, version, weights: expected.sort() });
        }
      }
  });
});

/**
 * `istioctl analyze`'s PodNotSelectedAnalyzer (pkg/config/analysis/analyzers/destinationrule/subset.go): a subset
 * whose labels, merged with its host's ServiceEntry workloadSelector, select no Pod is IST0173, an Error since
 * Istio 1.27, unless the DestinationRule's galley.istio.io/analyze-suppress lists the code
 * (pkg/config/analysis/local/istiod_analyze.go, filterMessages). Pods here: the cluster's workloads' templates.
 */
test.each([...CASES, 'analyze-suppress-classic'])('%s: istioctl analyze reports no IST0173 on a generated DestinationRule', (name) => {
  const { input, output } = load(name);
  const spec = input['functionConfig']['spec'] as Obj;
  const pods = podsOf(output, spec);
  const findings: string[] = [];
  for (const dr of output.filter((r) => isGenerated(r) && r['kind'] === 'DestinationRule')) {
    const cluster = clusterOf(dr, spec);
    const se = generatedIn(output, spec, 'ServiceEntry', cluster).find((s) => s['spec']['hosts'].includes(dr['spec']['host']));
    const selector = { ...(se?.['spec']['workloadSelector']?.['labels'] ?? {}) };
    const suppressed = String(dr['metadata']['annotations']['galley.istio.io/analyze-suppress'] ?? '').split(',');
    for (const subset of dr['spec']['subsets'] as Obj[]) {
      const labels = { ...selector, ...subset['labels'] };
      const selected = pods.some((p) => p.cluster === cluster && p.namespace === namespaceOf(dr) && selects(labels, p.labels));
      if (!selected && !suppressed.includes('IST0173') && !suppressed.includes('*'))
        findings.push(`${cluster} ${dr['metadata']['name']} subset ${subset['name']}`);
    }
  }
  expect(findings).toEqual([]);
});
