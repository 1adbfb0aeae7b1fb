/** What every planner returns: one resource for one cluster, before placement. */
import type { Spec } from '../config/schema';
import type { JsonObject } from '../krm/yamlNodes';
import { ANNOTATION_CLUSTER, LABEL_MANAGED_BY, TOOL } from '../names';
import type { Cluster, Mesh, MeshService } from '../topology/model';

export interface Generated {
  readonly cluster: string;
  /** The exported service the resource is for; the resource name for mesh-wide ones (the Gateway). */
  readonly service: string;
  readonly namespace: string;
  readonly kind: string;
  readonly name: string;
  readonly body: JsonObject;
}

export interface PlanContext {
  readonly spec: Spec;
  readonly mesh: Mesh;
  readonly cluster: Cluster;
  /** Global host → ServiceEntry address, when an address pool is in use. */
  readonly addresses: ReadonlyMap<string, string>;
}

/** A generated resource with the managed-by marker (and any `annotations` after it); `spec` keys keep the order given. */
export function generated(
  ctx: PlanContext,
  kind: string,
  meta: { name: string; namespace: string; service: string },
  spec: JsonObject,
  annotations?: Readonly<Record<string, string>>,
): Generated {
  const apiVersion = kind === 'Service' ? 'v1' : ctx.spec.istioApiVersion;
  const body: JsonObject = {
    apiVersion,
    kind,
    metadata: {
      name: meta.name,
      namespace: meta.namespace,
      labels: { [LABEL_MANAGED_BY]: TOOL },
      annotations: { [ANNOTATION_CLUSTER]: ctx.cluster.name, ...annotations },
    },
    spec,
  };
  return { cluster: ctx.cluster.name, service: meta.service, namespace: meta.namespace, kind, name: meta.name, body };
}

export const forService = (service: MeshService, name: string) => ({ name, namespace: service.namespace, service: service.name });

/** A Kubernetes object name from parts that may hold label-value characters (`_`, `.`, capitals). */
export const objectName = (...parts: string[]): string =>
  parts
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9.-]/g, '-');

export const tlsPolicy = (ctx: PlanContext): JsonObject => ({ tls: { mode: ctx.spec.tlsMode } });

export const portsOf = (service: MeshService): JsonObject[] =>
  service.ports.map((p) => (p.protocol === undefined ? { name: p.name, number: p.number } : { name: p.name, number: p.number, protocol: p.protocol }));

/**
 * The global host's ports in one cluster, with where that cluster's pods listen. Istio gives a selected pod the
 * container port named like the ServiceEntry port, else the port's targetPort, else its number
 * (pilot/pkg/serviceregistry/serviceentry/conversion.go, convertWorkloadInstanceToServiceInstance; the pod's named
 * ports: kube/controller/pod.go, getPortMap). So a numeric targetPort is written as such, and a named one becomes
 * the port's name: each pod then gets its own container port of that name, as Kubernetes would give it.
 */
export const hostPortsIn = (service: MeshService, cluster: string): JsonObject[] => {
  const local = service.portsIn.get(cluster);
  return service.ports.map((p) => {
    const target = local?.find((l) => l.number === p.number)?.targetPort;
    const port: JsonObject = { name: typeof target === 'string' ? target : p.name, number: p.number };
    if (p.protocol !== undefined) port['protocol'] = p.protocol;
    if (typeof target === 'number') port['targetPort'] = target;
    return port;
  });
};

/** Every port mapped to a gateway's port, by name (WorkloadEntry and endpoint `ports`). */
export const gatewayPorts = (ports: readonly JsonObject[], gatewayPort: number): JsonObject =>
  Object.fromEntries(ports.map((p) => [String(p['name']), gatewayPort]));

export const clusterByName = (ctx: PlanContext, name: string): Cluster => {
  const found = ctx.mesh.clusters.find((c) => c.name === name);
  if (!found) throw new Error(`bug: cluster ${name} is not in the mesh model`);
  return found;
};
