/**
 * Where a request goes, read from a run's output the way a client's sidecar reads it: the VirtualService of the
 * called host (`http` for an HTTP request, `tcp` for a connection, `tls` for a TLS connection by its SNI; first
 * rule that matches wins: pilot/pkg/networking/core/tls.go matchTCP/matchTLS, buildSidecarOutbound*FilterChainOpts),
 * then the destination's subset in the cluster's DestinationRule, then the endpoints that subset selects: local pods
 * (the ServiceEntry's workloadSelector, or the Service's selector for the local host), WorkloadEntries and
 * ServiceEntry endpoints at a remote cluster's gateway. Without a VirtualService, or when no TCP or TLS rule takes
 * a connection, it goes to the local Service's own pods. A destination's share is spread evenly over the distinct
 * version@cluster endpoints its subset selects. Plain test code, independent of the function's planners.
 */
type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface Request {
  readonly kind: 'http' | 'tcp' | 'tls';
  readonly port: number;
  readonly headers?: Readonly<Record<string, string>>;
  /** The SNI of a TLS connection; the service's own name when not given. */
  readonly sni?: string;
  /** Labels of the calling pod. */
  readonly sourceLabels?: Readonly<Record<string, string>>;
  /** Clusters whose endpoints outlier detection has ejected (or that run none): only with outlierDetection. */
  readonly ejected?: readonly string[];
}

/** `version@cluster` → percent of the requests. */
export type Reached = Record<string, number>;

const CLUSTER = 'multicluster-routes.dev/cluster';

interface ClusterInfo {
  readonly name: string;
  readonly address: string;
  readonly paths: readonly RegExp[];
}

const globRegExp = (glob: string): RegExp =>
  new RegExp(
    `^${glob
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*\*/g, '\0')
      .replace(/\*/g, '[^/]*')
      .replace(/\?/g, '[^/]')
      .replace(/\0/g, '.*')}$`,
  );

/** The functionConfig's clusters, from the MulticlusterRoutes form or the flat ConfigMap form (`name=address[:port],…`). */
function clustersOf(output: Obj): ClusterInfo[] {
  const config = (output['functionConfig'] ?? {}) as Obj;
  if (config['kind'] === 'ConfigMap')
    return String(config['data']?.['clusters'] ?? '')
      .split(',')
      .map((entry) => entry.trim().split('='))
      .map(([name = '', address = '']) => ({ name, address: address.replace(/:\d+$/, ''), paths: [] }));
  return ((config['spec']?.['clusters'] ?? []) as Obj[]).map((c) => ({
    name: c['name'] as string,
    address: c['gateway']['address'] as string,
    paths: ((c['paths'] ?? []) as string[]).map(globRegExp),
  }));
}

/** A resource's cluster: its annotation, else the first cluster whose `paths` glob matches its file. */
function placeOf(r: Obj, clusters: readonly ClusterInfo[]): string | undefined {
  const annotations = (r['metadata']?.['annotations'] ?? {}) as Obj;
  const path = annotations['internal.config.kubernetes.io/path'] as string | undefined;
  return (annotations[CLUSTER] as string | undefined) ?? clusters.find((c) => path !== undefined && c.paths.some((glob) => glob.test(path)))?.name;
}

/** version@cluster of every workload in the output (and of every remoteWorkloads fact): where a version runs. */
export function runningVersions(output: Obj): Set<string> {
  const spec = (output['functionConfig']?.['spec'] ?? {}) as Obj;
  const label = (spec['versionLabel'] as string | undefined) ?? 'version';
  const clusters = clustersOf(output);
  const at = new Set<string>(((spec['remoteWorkloads'] ?? []) as Obj[]).map((f) => `${f['version'] as string}@${f['cluster'] as string}`));
  for (const r of (output['items'] ?? []) as Obj[]) {
    const version = r['spec']?.['template']?.['metadata']?.['labels']?.[label] as string | undefined;
    const cluster = placeOf(r, clusters);
    if (['Deployment', 'StatefulSet', 'Rollout'].includes(r['kind'] as string) && version && cluster) at.add(`${version}@${cluster}`);
  }
  return at;
}

const namespaceOf = (r: Obj): string => r['metadata']?.['namespace'] ?? 'default';
const within = (labels: Obj | undefined, wanted: Obj | undefined): boolean => Object.entries(wanted ?? {}).every(([k, v]) => labels?.[k] === v);

function stringMatches(cond: Obj, value: string | undefined): boolean {
  if (value === undefined) return false;
  if (cond['exact'] !== undefined) return value === cond['exact'];
  if (cond['prefix'] !== undefined) return value.startsWith(cond['prefix'] as string);
  if (cond['regex'] !== undefined) return new RegExp(`^(?:${cond['regex'] as string})$`).test(value);
  return true;
}

/** A match holds when every condition it has holds for the request; conditions the request cannot carry never do. */
function matches(m: Obj, request: Request, sni: string): boolean {
  const known = new Set(['name', 'port', 'sourceLabels', 'headers', 'sniHosts']);
  if (Object.keys(m).some((k) => !known.has(k))) return false;
  if (m['port'] !== undefined && m['port'] !== request.port) return false;
  if (!within(request.sourceLabels, m['sourceLabels'])) return false;
  if (m['sniHosts'] !== undefined && !(m['sniHosts'] as string[]).includes(sni)) return false;
  return Object.entries((m['headers'] ?? {}) as Obj).every(([name, cond]) => stringMatches(cond as Obj, request.headers?.[name]));
}

/**
 * With outlier detection on, healthy endpoints of the best failoverPriority only, by Istio's rule
 * (pilot/pkg/networking/core/loadbalancer/loadbalancer.go, applyFailoverPriorityPerLocality): for labels in order,
 * the first whose value (the `label=value` override, else the caller's label) differs from the endpoint's ranks it
 * `n - j`; Envoy sends everything to the best priority that has healthy endpoints. Without outlier detection
 * nothing is ejected and failoverPriority is not applied (ApplyToCluster).
 */
function failover<E extends { at: string; labels: Obj }>(endpoints: E[], policy: Obj, request: Request | undefined): E[] {
  if (policy['outlierDetection'] === undefined) return endpoints;
  const healthy = endpoints.filter((e) => !(request?.ejected ?? []).includes(e.at.split('@')[1] ?? ''));
  const labels = (policy['loadBalancer']?.['localityLbSetting']?.['failoverPriority'] ?? []) as string[];
  const rank = (e: E): number => {
    const j = labels.findIndex((l) => {
      const [key = '', override] = l.split('=');
      const wanted = override ?? request?.sourceLabels?.[key] ?? '';
      return wanted !== ((e.labels[key] as string | undefined) ?? '');
    });
    return j < 0 ? 0 : labels.length - j;
  };
  const best = Math.min(...healthy.map(rank));
  return healthy.filter((e) => rank(e) === best);
}

export class MeshView {
  private readonly items: Obj[];
  private readonly clusters: readonly ClusterInfo[];
  private readonly gateways: Map<string, string>;
  private readonly versionLabel: string;

  constructor(output: Obj) {
    this.items = (output['items'] ?? []) as Obj[];
    this.clusters = clustersOf(output);
    this.gateways = new Map(this.clusters.map((c) => [c.address, c.name]));
    this.versionLabel = (output['functionConfig']?.['spec']?.['versionLabel'] as string | undefined) ?? 'version';
  }

  private find(kind: string, cluster: string, test: (spec: Obj) => boolean): Obj | undefined {
    return this.items.find((r) => r['kind'] === kind && placeOf(r, this.clusters) === cluster && test((r['spec'] ?? {}) as Obj));
  }

  /** version@cluster of each pod template in the cluster and namespace whose labels hold `selector`. */
  private pods(cluster: string, namespace: string, selector: Obj): Array<{ at: string; labels: Obj }> {
    return this.items
      .filter(
        (r) => ['Deployment', 'StatefulSet', 'Rollout'].includes(r['kind'] as string) && placeOf(r, this.clusters) === cluster && namespaceOf(r) === namespace,
      )
      .map((r) => (r['spec']?.['template']?.['metadata']?.['labels'] ?? {}) as Obj)
      .filter((labels) => Object.keys(selector).length > 0 && within(labels, selector))
      .map((labels) => ({ at: `${labels[this.versionLabel] as string}@${cluster}`, labels }));
  }

  /** Endpoints of a host in the client cluster, each as version@cluster with the labels a subset selects on. */
  private endpoints(cluster: string, namespace: string, host: string): Array<{ at: string; labels: Obj }> {
    const name = host.split('.')[0] as string;
    if (host.endsWith('.svc.cluster.local')) {
      const service = this.items.find(
        (r) => r['kind'] === 'Service' && placeOf(r, this.clusters) === cluster && namespaceOf(r) === namespace && r['metadata']['name'] === name,
      );
      return this.pods(cluster, namespace, (service?.['spec']?.['selector'] ?? {}) as Obj);
    }
    const entry = this.find('ServiceEntry', cluster, (s) => (s['hosts'] as string[]).includes(host));
    if (!entry) return [];
    const spec = entry['spec'] as Obj;
    const remote = (address: string): string => this.gateways.get(address) ?? `unknown gateway ${address}`;
    if (spec['endpoints']) return (spec['endpoints'] as Obj[]).map((e) => ({ at: `?@${remote(e['address'] as string)}`, labels: e['labels'] as Obj }));
    const local = this.pods(cluster, namespace, spec['workloadSelector']['labels'] as Obj);
    const entries = this.items
      .filter((r) => r['kind'] === 'WorkloadEntry' && placeOf(r, this.clusters) === cluster && within(r['spec']['labels'], spec['workloadSelector']['labels']))
      .map((r) => ({
        at: `${r['spec']['labels'][this.versionLabel] as string}@${remote(r['spec']['address'] as string)}`,
        labels: r['spec']['labels'] as Obj,
      }));
    return [...local, ...entries];
  }

  /** Where one destination's share goes: the endpoints its subset selects (classic's remote endpoints serve the subset's version). */
  private spread(cluster: string, namespace: string, destination: Obj, share: number, into: Reached, request?: Request): void {
    const host = destination['host'] as string;
    const rule = this.find('DestinationRule', cluster, (s) => s['host'] === host);
    const subset = ((rule?.['spec']?.['subsets'] ?? []) as Obj[]).find((s) => s['name'] === destination['subset']);
    const chosen = this.endpoints(cluster, namespace, host).filter(
      (e) => destination['subset'] === undefined || (subset !== undefined && within(e.labels, subset['labels'])),
    );
    const selected = failover(chosen, (rule?.['spec']?.['trafficPolicy'] ?? {}) as Obj, request);
    const places = [...new Set(selected.map((e) => e.at.replace(/^\?@/, `${destination['subset'] as string}@`)))];
    for (const at of places) into[at] = (into[at] ?? 0) + share / places.length;
  }

  /** Where the request from a pod in `cluster` to `service` (`name` or `namespace/name`) goes. */
  reach(cluster: string, service: string, request: Request): Reached {
    const [namespace, name] = service.includes('/') ? (service.split('/') as [string, string]) : ['default', service];
    const host = `${name}.${namespace}.svc.cluster.local`;
    const vs = this.find('VirtualService', cluster, (s) => (s['hosts'] as string[]).includes(host));
    const rules = ((vs?.['spec']?.[request.kind] ?? []) as Obj[]).filter(
      (r) => !r['match'] || (r['match'] as Obj[]).some((m) => matches(m, request, request.sni ?? host)),
    );
    const reached: Reached = {};
    const rule = rules[0];
    if (!rule) {
      if (vs && request.kind === 'http') return reached; // Envoy answers 404: no route
      this.spread(cluster, namespace, { host }, 100, reached, request);
      return reached;
    }
    const route = rule['route'] as Obj[];
    for (const d of route) this.spread(cluster, namespace, d['destination'] as Obj, route.length === 1 ? 100 : (d['weight'] as number), reached, request);
    return reached;
  }
}
