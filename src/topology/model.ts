/** The typed mesh model: what the planners read. Built once from the input; never the wire objects. */
import type { Resource } from '../krm/resource';
import type { JsonObject } from '../krm/yamlNodes';

export interface Cluster {
  readonly name: string;
  readonly gatewayAddress: string;
  /** The port other clusters reach the gateway at: WorkloadEntries and endpoints. */
  readonly gatewayPort: number;
  /** The gateway Service's port, which the generated Gateway names (Istio resolves it to the target port). */
  readonly gatewayListenPort: number;
  /** The gateway address is a DNS name, not an IP: ServiceEntries must resolve it. */
  readonly gatewayIsHostname: boolean;
  /** `region`, `region/zone` or `region/zone/subzone`; undefined when the functionConfig does not say. */
  readonly locality: string | undefined;
}

export interface ServicePort {
  readonly name: string;
  readonly number: number;
  /** Istio protocol (HTTP, GRPC, TCP, …); undefined lets Istio detect it. */
  readonly protocol: string | undefined;
  /** As the Service wrote them; copied onto a client cluster's selector-less Service. */
  readonly serviceProtocol: string | undefined;
  readonly appProtocol: string | undefined;
  /** Where the pods listen, when not at `number`: a port number or a container port's name. */
  readonly targetPort: number | string | undefined;
}

export interface Workload {
  /** Absent for a `remoteWorkloads` fact. */
  readonly item: Resource | undefined;
  readonly cluster: string;
  readonly version: string;
  /** Undefined when a fact does not say. */
  readonly serviceAccount: string | undefined;
  /** `spec.replicas` (or a fact's `replicas`); undefined when not written, as for an autoscaled Deployment. */
  readonly replicas: number | undefined;
}

export interface Destination {
  readonly version: string;
  readonly weight: number;
}

export interface Route {
  readonly name: string | undefined;
  readonly match: readonly JsonObject[] | undefined;
  readonly to: readonly Destination[];
  /** The rest of Istio's HTTPRoute (timeout, retries, fault, mirror…), copied to the rule's HTTP route; undefined when none. */
  readonly http: JsonObject | undefined;
}

export interface MeshService {
  readonly namespace: string;
  readonly name: string;
  readonly ports: readonly ServicePort[];
  /** Each cluster's own copy of the Service's ports: where that cluster's pods listen. */
  readonly portsIn: ReadonlyMap<string, readonly ServicePort[]>;
  /** Clusters that hold a manifest of the Service. */
  readonly manifestClusters: ReadonlySet<string>;
  readonly workloads: readonly Workload[];
  /** Every version anywhere in the mesh, sorted. */
  readonly versions: readonly string[];
  /** version → clusters that run it, in functionConfig order. */
  readonly runsIn: ReadonlyMap<string, readonly string[]>;
  /** Clusters that get config for the service, in functionConfig order. */
  readonly clients: readonly string[];
  /** Explicit routes; undefined means the default routing. */
  readonly routes: readonly Route[] | undefined;
  /** Istio trafficPolicy fields for the service's DestinationRules (failover expanded); undefined: none. */
  readonly trafficPolicy: ServicePolicy | undefined;
}

/** A service's traffic policy, as the planners merge it. */
export interface ServicePolicy {
  /** connectionPool, outlierDetection, loadBalancer, portLevelSettings: Istio's field names and shapes. */
  readonly fields: JsonObject;
  /** Local pods first: WorkloadEntries carry the remote-cluster label that failoverPriority ranks lower. */
  readonly localFirst: boolean;
}

export interface Mesh {
  readonly clusters: readonly Cluster[];
  /** Sorted by namespace, then name. */
  readonly services: readonly MeshService[];
}

export const localHost = (s: { name: string; namespace: string }): string => `${s.name}.${s.namespace}.svc.cluster.local`;
export const globalHost = (s: { name: string; namespace: string }, suffix: string): string => `${s.name}.${s.namespace}.${suffix}`;

export const runsIn = (service: MeshService, version: string, cluster: string): boolean => service.runsIn.get(version)?.includes(cluster) ?? false;

/**
 * The pods of some workloads, each counted at its `replicas`, or 1 when it has none (Kubernetes' default; an
 * autoscaler may run more).
 */
export const podCount = (workloads: readonly Workload[]): number => workloads.reduce((n, w) => n + (w.replicas ?? 1), 0);
