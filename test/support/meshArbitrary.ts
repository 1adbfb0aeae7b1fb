/**
 * fast-check arbitraries for valid meshes: clusters with gateway IPs or host names, exported services with
 * ports, versions spread over clusters, routes (header matches, weights totalling 100), namespaces, profiles,
 * package or overlay mode. `resourceList` turns one into the ResourceList a kpt run would pipe in, as a plain
 * object (so that mutation tests can damage it); `encode` writes that object as YAML text.
 */
import fc from 'fast-check';
import { dump } from 'js-yaml';

type Obj = Record<string, unknown>;

export interface ClusterSpec {
  readonly name: string;
  readonly address: string;
  readonly port: number | undefined;
  /** Resources are assigned by a `paths` glob (else by the cluster annotation). */
  readonly byPath: boolean;
}

export interface PortSpec {
  readonly name: string;
  readonly port: number;
  readonly appProtocol: string | undefined;
}

export interface VersionSpec {
  readonly name: string;
  /** Indexes into the mesh's clusters. */
  readonly clusters: readonly number[];
  readonly kind: 'Deployment' | 'StatefulSet' | 'Rollout';
}

export interface RouteSpec {
  readonly name?: string;
  readonly match?: readonly Obj[];
  readonly to: string | Readonly<Record<string, number>>;
  /** The rest of Istio's HTTPRoute (timeout, retries, fault, mirror…), valid as Istio's webhook wants it. */
  readonly http?: Obj;
}

export interface ServiceSpec {
  readonly namespace: string;
  readonly name: string;
  readonly ports: readonly PortSpec[];
  readonly versions: readonly VersionSpec[];
  readonly routes: readonly RouteSpec[] | undefined;
  readonly routesIn: 'every-copy' | 'one-copy' | 'function-config';
  /** The clients annotation: every cluster, some clusters (indexes), or none. */
  readonly clients: '*' | readonly number[] | undefined;
  /** Clusters that hold a copy of the Service without running any version of it. */
  readonly extraCopies: readonly number[];
}

export interface MeshSpec {
  readonly clusters: readonly ClusterSpec[];
  readonly services: readonly ServiceSpec[];
  readonly profile: 'current' | 'classic' | undefined;
  readonly istioApiVersion: string | undefined;
  readonly globalSuffix: string | undefined;
  readonly versionLabel: string | undefined;
  readonly tlsMode: string | undefined;
  readonly outputPath: string | undefined;
  /** Overlay mode for this cluster (an index), else package mode. */
  readonly targetCluster: number | undefined;
  /** How the routes annotations are written. */
  readonly routesFormat: 'yaml' | 'json';
  /**
   * How the ResourceList is written: block YAML as kpt writes it (the function's fast reader), or JSON, which is
   * YAML too (the exact reader).
   */
  readonly listStyle: 'block' | 'json';
}

export const ROUTES = 'multicluster-routes.dev/routes';
const CLUSTER = 'multicluster-routes.dev/cluster';

// Built from characters rather than fc.stringMatching, which is ten times slower to generate.
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const letter = fc.constantFrom(...LOWER);
const alnum = fc.constantFrom(...LOWER, ...'0123456789');
const word = (max: number): fc.Arbitrary<string> => fc.tuple(letter, fc.string({ unit: alnum, maxLength: max })).map(([a, b]) => a + b);
/** A DNS label: lowercase letters, digits and "-", starting with a letter and ending with a letter or digit. */
const dnsLabel = fc
  .tuple(letter, fc.string({ unit: fc.oneof(alnum, fc.constant('-')), maxLength: 10 }), alnum)
  .map(([a, mid, z]) => (mid === '' ? a : a + mid + z));
/** Service names and versions have no "-", so that generated names (S-global, S-<version>-<cluster>) never clash. */
const serviceName = word(11);
const versionName = fc.oneof(
  fc.nat(99).map((n) => `v${n}`),
  fc.tuple(word(7), fc.option(fc.nat(99), { nil: undefined })).map(([w, minor]) => (minor === undefined ? w : `${w}.${minor}`)),
);
const domain = fc
  .tuple(fc.array(dnsLabel, { minLength: 1, maxLength: 3 }), fc.string({ unit: letter, minLength: 2, maxLength: 4 }))
  .map(([labels, tld]) => [...labels, tld].join('.'));

/**
 * Gateway addresses another cluster can reach: public-looking IPv4 (no 0/8, loopback, link-local or multicast),
 * global IPv6, or a DNS name. An unusable address is a user's mistake the function rejects, not a valid mesh.
 */
const octet = fc.integer({ min: 0, max: 255 });
const ipv4 = fc
  .tuple(fc.integer({ min: 1, max: 223 }), octet, octet, octet)
  .filter(([a, b]) => a !== 127 && !(a === 169 && b === 254))
  .map((parts) => parts.join('.'));
const hex = fc.integer({ min: 0, max: 0xffff }).map((n) => n.toString(16));
const ipv6 = fc.tuple(hex, hex, hex).map(([a, b, c]) => `2001:db8:${a}::${b}:${c}`);
const gatewayAddress = fc.oneof(
  { weight: 4, arbitrary: ipv4 },
  { weight: 1, arbitrary: ipv6 },
  { weight: 2, arbitrary: domain.filter((d) => !/(^|\.)localhost$/.test(d)) },
);

const clusterArb = fc.record({
  address: gatewayAddress,
  port: fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined }),
  byPath: fc.boolean(),
});

const PORT_PREFIXES = ['http', 'http2', 'grpc', 'grpc-web', 'tcp', 'tls', 'mongo', 'redis', 'https'] as const;

const portsArb: fc.Arbitrary<PortSpec[]> = fc
  .uniqueArray(
    fc.record({
      port: fc.integer({ min: 1, max: 65535 }),
      prefix: fc.constantFrom(...PORT_PREFIXES),
      appProtocol: fc.option(fc.constantFrom('http', 'http2', 'grpc', 'tcp', 'kubernetes.io/h2c'), { nil: undefined, freq: 5 }),
    }),
    { minLength: 1, maxLength: 3, selector: (p) => p.port },
  )
  .map((ports) => ports.map((p, i) => ({ name: i === 0 ? p.prefix : `${p.prefix}-p${i}`, port: p.port, appProtocol: p.appProtocol })));

/** Header values with YAML's special characters and non-ASCII text: the annotation must carry them unchanged. */
const headerValue = fc.string({
  unit: fc.constantFrom('a', 'b', 'Z', '0', ' ', ':', '#', '"', "'", '{', '}', '[', ']', ',', '&', '*', '!', '|', '>', '%', '@', '`', '\\', 'é', '日', '🙂'),
  maxLength: 12,
});

const stringMatch = fc.oneof(
  headerValue.map((v) => ({ exact: v })),
  // Istio's webhook refuses an empty prefix on a header.
  headerValue.filter((v) => v !== '').map((v) => ({ prefix: v })),
  fc.constantFrom('^a.*', '.*b$', '[0-9]+').map((v) => ({ regex: v })),
);

const matchArb: fc.Arbitrary<Obj> = fc.record(
  {
    headers: fc.dictionary(dnsLabel, stringMatch, { minKeys: 1, maxKeys: 2 }),
    uri: fc.string({ unit: fc.oneof(alnum, fc.constant('/')), maxLength: 10 }).map((v) => ({ prefix: `/${v}` })),
    method: fc.constantFrom('GET', 'POST').map((v) => ({ exact: v })),
    sourceLabels: fc.dictionary(dnsLabel, dnsLabel, { minKeys: 1, maxKeys: 2 }),
  },
  { requiredKeys: [] },
);

/** Ports that carry TCP or TLS only, as Istio reads their appProtocol or name prefix: HTTP conditions never hold there. */
const L4_ONLY = new Set(['tcp', 'tls', 'mongo', 'redis', 'https']);
const l4Only = (p: PortSpec): boolean => L4_ONLY.has(p.appProtocol ?? p.name.split('-')[0] ?? '');

/**
 * Routes the function takes for these ports: without HTTP conditions when every port carries TCP or TLS only (a
 * connection never meets one), and with a last rule without match when one port does (else no rule routes it).
 */
function routesFor(ports: readonly PortSpec[], routes: readonly RouteSpec[] | undefined): readonly RouteSpec[] | undefined {
  if (!routes || !ports.some(l4Only)) return routes;
  const kept = ports.every(l4Only)
    ? routes.map((r) => (r.match ? { ...r, match: r.match.map((m) => (m['sourceLabels'] ? { sourceLabels: m['sourceLabels'] } : {})) } : r))
    : routes;
  const last = kept.at(-1) as RouteSpec;
  return last.match ? [...kept.slice(0, -1), { to: last.to }] : kept;
}

/** Integer weights over the chosen versions, totalling 100 (zeros allowed). */
function weights(versions: readonly string[]): fc.Arbitrary<Record<string, number>> {
  return fc.array(fc.integer({ min: 0, max: 100 }), { minLength: versions.length - 1, maxLength: versions.length - 1 }).map((cuts) => {
    const points = [0, ...[...cuts].sort((a, b) => a - b), 100];
    return Object.fromEntries(versions.map((v, i) => [v, (points[i + 1] as number) - (points[i] as number)]));
  });
}

const seconds = fc.integer({ min: 1, max: 600_000 }).map((ms) => `${ms / 1000}s`);
const percentage = fc
  .oneof(
    fc.constant(0),
    fc.integer({ min: 1, max: 1_000_000 }).map((n) => n / 10_000),
  )
  .map((value) => ({ value }));

/** A valid mix of HTTPRoute fields (Istio's webhook takes each), copied by the function into the rule's http route. */
const httpFieldsArb: fc.Arbitrary<Obj> = fc.record(
  {
    timeout: seconds,
    retries: fc.record(
      {
        attempts: fc.integer({ min: 1, max: 5 }),
        perTryTimeout: seconds,
        retryOn: fc.subarray(['5xx', 'reset', 'connect-failure', '503', 'unavailable'], { minLength: 1 }).map((p) => p.join(',')),
        retryRemoteLocalities: fc.boolean(),
      },
      { requiredKeys: ['attempts'] },
    ),
    fault: fc.record({ abort: fc.record({ httpStatus: fc.integer({ min: 200, max: 600 }), percentage }) }),
    mirror: fc.constantFrom({ host: 'shadow.example.com' }, { host: 'reviews-shadow.default.svc.cluster.local', port: { number: 9080 } }),
    headers: fc.record({ request: fc.record({ set: fc.constantFrom({ 'x-a': 'b' }, { 'x-pct': '100%%' }) }) }),
  },
  { requiredKeys: [] },
);

function routeArb(versions: readonly string[]): fc.Arbitrary<RouteSpec> {
  const to = fc.subarray([...versions], { minLength: 1 }).chain((chosen) => {
    const map = weights(chosen);
    return chosen.length === 1 ? fc.oneof(fc.constant(chosen[0] as string), map) : map;
  });
  return fc.record({ name: dnsLabel, match: fc.array(matchArb, { minLength: 1, maxLength: 2 }), to, http: httpFieldsArb }, { requiredKeys: ['to'] });
}

function serviceArb(clusters: number, namespaces: readonly string[]): fc.Arbitrary<ServiceSpec> {
  const clusterSet = fc.uniqueArray(fc.nat(clusters - 1), { minLength: 1, maxLength: clusters });
  const versions = fc.uniqueArray(
    fc.record({ name: versionName, clusters: clusterSet, kind: fc.constantFrom('Deployment' as const, 'StatefulSet' as const, 'Rollout' as const) }),
    { minLength: 1, maxLength: 3, selector: (v) => v.name },
  );
  return fc
    .record({
      namespace: fc.constantFrom(...namespaces),
      name: serviceName,
      ports: portsArb,
      versions,
      routesIn: fc.constantFrom('every-copy' as const, 'one-copy' as const, 'function-config' as const),
      clients: fc.option(fc.oneof(fc.constant('*' as const), fc.uniqueArray(fc.nat(clusters - 1), { maxLength: clusters })), { nil: undefined }),
      extraCopies: fc.uniqueArray(fc.nat(clusters - 1), { maxLength: 2 }),
    })
    .chain((s) =>
      fc
        .option(fc.array(routeArb(s.versions.map((v) => v.name)), { minLength: 1, maxLength: 3 }), { nil: undefined, freq: 4 })
        .map((routes) => ({ ...s, routes: routesFor(s.ports, routes) })),
    );
}

export interface MeshOptions {
  /** Overlay mode (a target cluster) in some meshes; package mode only when false. */
  readonly overlay?: boolean;
  readonly maxServices?: number;
}

export function meshArb(options: MeshOptions = {}): fc.Arbitrary<MeshSpec> {
  const names = fc.uniqueArray(dnsLabel, { minLength: 1, maxLength: 5 });
  return names.chain((clusterNames) =>
    fc
      .record({
        clusters: fc
          .tuple(...clusterNames.map((name) => clusterArb.map((c): ClusterSpec => ({ name, ...c }))))
          .filter((cs) => new Set(cs.map((c) => `${c.address}:${c.port ?? 15443}`)).size === cs.length),
        namespaces: fc.uniqueArray(fc.oneof(fc.constant('default'), dnsLabel), { minLength: 1, maxLength: 3 }),
        profile: fc.constantFrom('current' as const, 'classic' as const, undefined),
        istioApiVersion: fc.constantFrom(undefined, 'networking.istio.io/v1', 'networking.istio.io/v1beta1', 'networking.istio.io/v1alpha3'),
        globalSuffix: fc.option(dnsLabel, { nil: undefined, freq: 3 }),
        versionLabel: fc.constantFrom(undefined, 'version', 'track', 'app.kubernetes.io/version'),
        tlsMode: fc.constantFrom(undefined, 'ISTIO_MUTUAL', 'MUTUAL', 'DISABLE'),
        outputPath: fc.constantFrom(
          undefined,
          'clusters/{cluster}/{namespace}/{service}-{kind}.yaml',
          'generated/{cluster}.yaml',
          'out/{cluster}/{kind}/{name}.yml',
        ),
        routesFormat: fc.constantFrom('yaml' as const, 'json' as const),
        listStyle: fc.constantFrom('block' as const, 'block' as const, 'block' as const, 'json' as const),
        targetCluster: options.overlay ? fc.nat(clusterNames.length - 1) : fc.constant(undefined),
      })
      .chain((mesh) =>
        fc
          .uniqueArray(serviceArb(clusterNames.length, mesh.namespaces), {
            minLength: 1,
            maxLength: options.maxServices ?? 4,
            selector: (s) => `${s.namespace}/${s.name}`,
          })
          .map((services): MeshSpec => ({ ...mesh, services })),
      ),
  );
}

/** Where a resource of a cluster comes from: a file under the cluster's glob, or a shared file plus the annotation. */
function placement(cluster: ClusterSpec, counters: Map<string, number>): Obj {
  const path = cluster.byPath ? `src/${cluster.name}/mesh.yaml` : 'src/shared.yaml';
  const index = counters.get(path) ?? 0;
  counters.set(path, index + 1);
  const annotations: Obj = { 'internal.config.kubernetes.io/path': path, 'internal.config.kubernetes.io/index': String(index) };
  if (!cluster.byPath) annotations[CLUSTER] = cluster.name;
  return annotations;
}

const routeBody = (r: RouteSpec): Obj => ({
  ...(r.name === undefined ? {} : { name: r.name }),
  ...(r.match ? { match: r.match } : {}),
  to: r.to,
  ...(r.http ?? {}),
});

function serviceItems(mesh: MeshSpec, s: ServiceSpec, counters: Map<string, number>): Obj[] {
  const label = mesh.versionLabel ?? 'version';
  const running = [...new Set(s.versions.flatMap((v) => v.clusters))].sort((a, b) => a - b);
  const copies = [...new Set([...running, ...s.extraCopies])].sort((a, b) => a - b);
  const ns = s.namespace === 'default' ? {} : { namespace: s.namespace };
  const items: Obj[] = [];
  copies.forEach((c, i) => {
    const annotations: Obj = { ...placement(mesh.clusters[c] as ClusterSpec, counters), 'multicluster-routes.dev/export': 'true' };
    if (s.routes && (s.routesIn === 'every-copy' || (s.routesIn === 'one-copy' && i === 0))) annotations[ROUTES] = s.routes.map(routeBody);
    if (s.clients !== undefined)
      annotations['multicluster-routes.dev/clients'] = s.clients === '*' ? '*' : s.clients.map((n) => mesh.clusters[n]?.name).join(', ');
    // Some ports send to another port number or to a named container port (derived from the port, so every copy agrees).
    const targetPort = (port: number): Obj => [{}, { targetPort: (port % 60000) + 1024 }, { targetPort: `t${port}` }][port % 3] as Obj;
    const ports = s.ports.map((p) => ({ name: p.name, port: p.port, ...(p.appProtocol ? { appProtocol: p.appProtocol } : {}), ...targetPort(p.port) }));
    items.push({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: s.name, ...ns, labels: { app: s.name }, annotations },
      spec: { ports, selector: { app: s.name } },
    });
  });
  for (const v of s.versions) {
    for (const c of v.clusters) {
      const labels = { app: s.name, [label]: v.name };
      const template = { metadata: { labels }, spec: { serviceAccountName: `${s.name}-sa`, containers: [{ name: s.name, image: `example/${s.name}:1` }] } };
      const metadata = { name: `${s.name}-${v.name}`, ...ns, annotations: placement(mesh.clusters[c] as ClusterSpec, counters) };
      items.push({
        apiVersion: v.kind === 'Rollout' ? 'argoproj.io/v1alpha1' : 'apps/v1',
        kind: v.kind,
        metadata,
        spec: { replicas: (c + v.name.length) % 4, selector: { matchLabels: labels }, template },
      });
    }
  }
  return items;
}

/** The mesh as the ResourceList object kpt would send; routes annotations are still lists here (see `encode`). */
export function resourceList(mesh: MeshSpec): Obj {
  const counters = new Map<string, number>();
  const items = mesh.services.flatMap((s) => serviceItems(mesh, s, counters));
  const first = mesh.clusters[0] as ClusterSpec;
  items.push({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'settings', annotations: placement(first, counters) },
    data: { mode: '0644', on: 'yes' },
  });
  const clusters = mesh.clusters.map((c) => ({
    name: c.name,
    // A gateway reached at another port listens on its Service's port (15443, or another one).
    gateway:
      c.port === undefined
        ? { address: c.address }
        : { address: c.address, port: c.port, ...(c.port % 2 === 0 ? { listenPort: 15000 + (c.port % 1000) } : {}) },
    ...(c.byPath ? { paths: [`src/${c.name}/**`] } : {}),
  }));
  const optional: Obj = {
    profile: mesh.profile,
    istioApiVersion: mesh.istioApiVersion,
    globalSuffix: mesh.globalSuffix,
    versionLabel: mesh.versionLabel,
    // The current profile takes ISTIO_MUTUAL only (a functionConfig error otherwise, tested on its own).
    tlsMode: mesh.profile === 'classic' ? mesh.tlsMode : mesh.tlsMode && 'ISTIO_MUTUAL',
    targetCluster: mesh.targetCluster === undefined ? undefined : mesh.clusters[mesh.targetCluster]?.name,
    output: mesh.outputPath === undefined ? undefined : { path: mesh.outputPath },
  };
  const services = mesh.services
    .filter((s) => s.routes && s.routesIn === 'function-config')
    .map((s) => ({ name: s.name, namespace: s.namespace, routes: (s.routes ?? []).map(routeBody) }));
  const spec: Obj = { clusters, ...Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined)) };
  if (services.length > 0) spec['services'] = services;
  const functionConfig = {
    apiVersion: 'multicluster-routes.dev/v1alpha1',
    kind: 'MulticlusterRoutes',
    metadata: { name: 'mesh', annotations: { 'config.kubernetes.io/local-config': 'true' } },
    spec,
  };
  // A copy: the mesh's own objects (route matches, weights) must not be reachable from what a test may damage.
  return structuredClone({ apiVersion: 'config.kubernetes.io/v1', kind: 'ResourceList', items, functionConfig });
}

const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * YAML as kpt and kustomize write it (sequences not indented, no line folding), without anchors for objects used
 * twice (an aliased pod-label map is a known failure of the relabelling: see test/hostile.test.ts). js-yaml writes
 * ten times faster than yaml, and quotes every string that a YAML 1.1 or 1.2 reader would take for another type.
 */
const DUMP = { noRefs: true, lineWidth: -1, noArrayIndent: true } as const;

/** Routes annotations that are lists become text (YAML or JSON), the way a user writes them; then the whole list as YAML or JSON. */
export function encode(list: unknown, routesFormat: 'yaml' | 'json' = 'yaml', listStyle: 'block' | 'json' = 'block'): string {
  const items = isObj(list) && Array.isArray(list['items']) ? list['items'] : [];
  for (const item of items) {
    const metadata = isObj(item) ? item['metadata'] : undefined;
    const annotations = isObj(metadata) ? metadata['annotations'] : undefined;
    if (!isObj(annotations) || !Object.prototype.hasOwnProperty.call(annotations, ROUTES)) continue;
    const routes = annotations[ROUTES];
    if (routes !== null && typeof routes === 'object') annotations[ROUTES] = routesFormat === 'json' ? JSON.stringify(routes) : dump(routes, DUMP);
  }
  return listStyle === 'json' ? `${JSON.stringify(list, null, 1)}\n` : dump(list, DUMP);
}

/** A mesh's ResourceList as text. */
export function meshText(mesh: MeshSpec): string {
  const list = resourceList(mesh);
  return encode(list, mesh.routesFormat, mesh.listStyle);
}
