/** Inventory + functionConfig → the mesh model: exported services, their versions, clusters and routes. */
import type { Spec } from '../config/schema';
import type { Resource } from '../krm/resource';
import type { Result } from '../krm/result';
import type { Json } from '../krm/yamlNodes';
import { DNS_LABEL } from '../config/fields';
import { ANNOTATION_CLIENTS, ANNOTATION_CLUSTER, ANNOTATION_EXPORT, serviceLabel } from '../names';
import { toCluster } from './clusters';
import { addCopyPorts } from './copyPorts';
import type { Entry } from './inventory';
import { describe, where } from './inventory';
import { invalidName } from './invalidName';
import { podSources, record } from './podSources';
import type { Mesh, MeshService, Route, ServicePolicy, ServicePort, Workload } from './model';
import { readServicePorts, toServicePort } from './ports';
import { resolveRoutes } from './serviceRoutes';
import { resolvePolicies } from './servicePolicy';
import { candidates, selectorIndex, selects } from './selectors';
import { compare } from '../util';

/** Everything known about one exported service while the model is built. */
export interface Draft {
  readonly namespace: string;
  readonly name: string;
  readonly copies: Entry[];
  /** Each copy's selector pairs, read once. */
  readonly selectors: Array<{ readonly cluster: string | undefined; readonly pairs: ReadonlyArray<readonly [string, string]> }>;
  readonly workloads: Workload[];
  ports: ServicePort[] | undefined;
  readonly portsIn: Map<string, readonly ServicePort[]>;
  readonly clients: Set<string>;
  /** A workload of the service was rejected with an error, so its versions are not all known. */
  incomplete: boolean;
}

export interface MeshOutcome {
  readonly mesh: Mesh;
  /** Exported workloads of the input → the keys of the pod labels they carry, one per service (sorted, as `candidates`). */
  readonly workloadServices: ReadonlyMap<Resource, readonly string[]>;
  readonly results: Result[];
}

const key = (namespace: string, name: string): string => `${namespace}/${name}`;

const newDraft = (namespace: string, name: string): Draft => ({
  selectors: [],
  namespace,
  name,
  copies: [],
  workloads: [],
  ports: undefined,
  portsIn: new Map(),
  clients: new Set<string>(),
  incomplete: false,
});

/** Keys such as `__proto__` stay plain data: the map has no prototype. */
function stringRecord(value: Json | undefined): Record<string, string> {
  const out = Object.create(null) as Record<string, string>;
  for (const [k, v] of Object.entries(record(value))) if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[k] = String(v);
  return out;
}

const selectorOf = (item: Resource): Record<string, string> => stringRecord(record(item.value['spec'])['selector']);

const noClusterError = (entry: Entry, why: string): Result => ({
  severity: 'error',
  code: 'unknown-cluster',
  message: `cannot tell which cluster ${describe(entry.item)} (${why}) belongs to; annotate it ${ANNOTATION_CLUSTER}: <cluster>, add a matching "paths" glob to a cluster in the functionConfig, or set targetCluster`,
  field: `metadata.annotations.${ANNOTATION_CLUSTER}`,
  ...where(entry.item),
});

function collectServices(entries: readonly Entry[], spec: Spec, results: Result[]): Map<string, Draft> {
  const drafts = new Map<string, Draft>();
  for (const entry of entries) {
    if (entry.role !== 'service') continue;
    const exported = entry.item.annotations[ANNOTATION_EXPORT] === 'true' || (spec.exportAll && Object.keys(selectorOf(entry.item)).length > 0);
    if (!exported) continue;
    if (entry.cluster === undefined) {
      if (!entry.misplaced) results.push(noClusterError(entry, 'an exported Service'));
      continue;
    }
    const badName = invalidName(entry);
    if (badName) {
      results.push(badName);
      continue;
    }
    const id = key(entry.namespace, entry.item.name);
    if (entry.item.name.length > 63 || !DNS_LABEL.test(entry.item.name)) {
      const message = `exported ${describe(entry.item)}: its name goes into the pod label key ${serviceLabel('<name>')}, so it must be a DNS label (at most 63 lowercase letters, digits and "-", starting and ending with a letter or digit), as Kubernetes requires of a Service name; rename the Service`;
      results.push({ severity: 'error', code: 'invalid-service', message, field: 'metadata.name', ...where(entry.item) });
      continue;
    }
    const draft = drafts.get(id) ?? newDraft(entry.namespace, entry.item.name);
    draft.copies.push(entry);
    draft.selectors.push({ cluster: entry.cluster, pairs: Object.entries(selectorOf(entry.item)) });
    draft.clients.add(entry.cluster);
    drafts.set(id, draft);
    // Every copy is checked, so that a mistake is reported whichever cluster's copy comes first.
    const read = readServicePorts(record(entry.item.value['spec']) as Json);
    if ('ports' in read) addCopyPorts(draft, entry, read.ports, results);
    for (const { field, message } of 'problems' in read ? read.problems : [])
      results.push({
        severity: 'error',
        code: 'invalid-service',
        message: `exported ${describe(entry.item)}: ${field} ${message}`,
        field,
        ...where(entry.item),
      });
  }
  return drafts;
}

function collectWorkloads(entries: readonly Entry[], drafts: ReadonlyMap<string, Draft>, spec: Spec, results: Result[]): Map<Resource, string[]> {
  const index = selectorIndex(drafts);
  const workloadServices = new Map<Resource, string[]>();
  for (const { entry, pods, replicas } of podSources(entries, results)) {
    const template = record(record(pods.value['spec'])['template']);
    const podLabels = stringRecord(record(template['metadata'])['labels']);
    const matched = candidates(index, entry.namespace, podLabels).filter((d) => selects(d, entry.cluster, podLabels));
    if (matched.length === 0) continue;
    const names = matched.map((d) => d.name).join(', ');
    const version = podLabels[spec.versionLabel];
    const labelsField = 'spec.template.metadata.labels';
    if (entry.cluster === undefined || version === undefined || version === '') matched.forEach((d) => (d.incomplete = true));
    if (entry.cluster === undefined) {
      if (!entry.misplaced) results.push(noClusterError(entry, `a workload of exported Service ${names}`));
      continue;
    }
    if (version === undefined || version === '') {
      const message = `${describe(pods)} serves exported Service ${names} but its pod template has no "${spec.versionLabel}" label; add ${labelsField}.${spec.versionLabel} (or set spec.versionLabel to the label that holds the version)`;
      results.push({ severity: 'error', code: 'missing-version', message, field: `${labelsField}.${spec.versionLabel}`, ...where(pods) });
      continue;
    }
    const podSpec = record(template['spec']);
    const account = podSpec['serviceAccountName'] ?? podSpec['serviceAccount'];
    const serviceAccount = typeof account === 'string' && account !== '' ? account : 'default';
    for (const draft of matched) {
      draft.workloads.push({ item: pods, cluster: entry.cluster, version, serviceAccount, replicas });
      draft.clients.add(entry.cluster);
    }
    workloadServices.set(
      pods,
      matched.map((d) => serviceLabel(d.name)),
    );
  }
  return workloadServices;
}

function addFacts(drafts: Map<string, Draft>, spec: Spec, results: Result[]): void {
  const known = new Set(spec.clusters.map((c) => c.name));
  spec.remoteWorkloads.forEach((fact, i) => {
    if (!known.has(fact.cluster)) {
      const message = `spec.remoteWorkloads[${i}].cluster: ${JSON.stringify(fact.cluster)} is not a cluster of spec.clusters; use one of ${[...known].join(', ')}`;
      results.push({ severity: 'error', code: 'unknown-cluster', message, field: `spec.remoteWorkloads[${i}].cluster` });
      return;
    }
    const id = key(fact.namespace, fact.service);
    const draft = drafts.get(id) ?? newDraft(fact.namespace, fact.service);
    drafts.set(id, draft);
    draft.workloads.push({ item: undefined, cluster: fact.cluster, version: fact.version, serviceAccount: fact.serviceAccount, replicas: fact.replicas });
    draft.clients.add(fact.cluster);
    if (draft.ports === undefined && fact.ports) draft.ports = fact.ports.map(toServicePort);
  });
}

function addClients(draft: Draft, spec: Spec, results: Result[]): void {
  const known = spec.clusters.map((c) => c.name);
  for (const copy of draft.copies) {
    const value = copy.item.annotations[ANNOTATION_CLIENTS];
    if (value === undefined) continue;
    const names = value
      .split(',')
      .map((n) => n.trim())
      .filter(Boolean);
    for (const name of names) {
      if (name === '*') known.forEach((n) => draft.clients.add(n));
      else if (known.includes(name)) draft.clients.add(name);
      else {
        const message = `${describe(copy.item)}: ${ANNOTATION_CLIENTS} names ${JSON.stringify(name)}, which is not a cluster of the functionConfig (${known.join(', ')}); use those names, or "*" for every cluster`;
        results.push({ severity: 'error', code: 'unknown-cluster', message, field: `metadata.annotations.${ANNOTATION_CLIENTS}`, ...where(copy.item) });
      }
    }
  }
}

function finish(draft: Draft, routes: readonly Route[] | undefined, policy: ServicePolicy | undefined, order: readonly string[]): MeshService {
  const runsIn = new Map<string, string[]>();
  for (const version of [...new Set(draft.workloads.map((w) => w.version))].sort()) {
    const clusters = new Set(draft.workloads.filter((w) => w.version === version).map((w) => w.cluster));
    runsIn.set(
      version,
      order.filter((c) => clusters.has(c)),
    );
  }
  return {
    namespace: draft.namespace,
    name: draft.name,
    ports: draft.ports ?? [],
    portsIn: draft.portsIn,
    manifestClusters: new Set(draft.copies.map((c) => c.cluster as string)),
    workloads: draft.workloads,
    versions: [...runsIn.keys()],
    runsIn,
    clients: order.filter((c) => draft.clients.has(c)),
    routes,
    trafficPolicy: policy,
  };
}

/** A service known only from facts needs its ports from one of them; one with no workload at all is noted. */
function noteGaps(drafts: Draft[], results: Result[]): void {
  for (const draft of drafts) {
    const copy = draft.copies[0];
    if (draft.workloads.length === 0 && copy && !draft.incomplete) {
      const message = `exported ${describe(copy.item)} has no workload in any cluster, so nothing is generated for it; deploy a workload its selector matches, or describe one in spec.remoteWorkloads`;
      results.push({ severity: 'warning', code: 'no-workloads', message, field: 'spec.selector', ...where(copy.item) });
    }
    if (draft.ports !== undefined || draft.copies.length > 0) continue;
    const message = `service ${key(draft.namespace, draft.name)} is known only from spec.remoteWorkloads and none of its entries gives "ports"; add ports (name, port) to one of them`;
    results.push({ severity: 'error', code: 'missing-ports', message, field: 'spec.remoteWorkloads' });
  }
}

export function buildMesh(entries: readonly Entry[], spec: Spec): MeshOutcome {
  const results: Result[] = [];
  const drafts = collectServices(entries, spec, results);
  const workloadServices = collectWorkloads(entries, drafts, spec, results);
  addFacts(drafts, spec, results);
  const order = spec.clusters.map((c) => c.name);
  const sorted = [...drafts.values()].sort((a, b) => compare(a.namespace, b.namespace) || compare(a.name, b.name));
  noteGaps(sorted, results);
  const routes = resolveRoutes(sorted, spec, results);
  const policies = resolvePolicies(sorted, spec, results);
  const services = sorted.map((draft) => {
    addClients(draft, spec, results);
    return finish(draft, routes.get(draft), policies.get(draft), order);
  });
  return { mesh: { clusters: spec.clusters.map(toCluster), services }, workloadServices, results };
}
