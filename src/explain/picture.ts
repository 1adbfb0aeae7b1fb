/**
 * The picture of the routing: for each calling cluster, each exported service's route rules and where each share
 * of their traffic goes — the version, the cluster that runs it, and the gateway on the way (none when local).
 * Pure: mesh model in, plain data out; the renderers turn it into text, Mermaid or DOT. Every name and value from the
 * input is printable: its control characters (line breaks among them) are escaped, so that it stays on its line.
 */
import { isIP } from 'node:net';
import type { Spec } from '../config/schema';
import { firstCatchAll } from '../lint/unreachableRules';
import { effectiveRoutes } from '../planners/routing';
import type { Cluster, Mesh, MeshService } from '../topology/model';
import { runsIn } from '../topology/model';
import { describeHandling, describeMatch } from './describeMatch';
import type { Json, JsonObject } from '../krm/yamlNodes';
import { printable } from '../printable';

export interface Endpoint {
  readonly cluster: string;
  /** `address:port` of the cluster's east-west gateway; undefined when the traffic stays in the calling cluster. */
  readonly gateway: string | undefined;
}

export interface Share {
  readonly version: string;
  /** Percent of the rule's traffic. */
  readonly weight: number;
  /** Where the version's share goes; several when more than one cluster serves it (Istio balances over them). */
  readonly endpoints: readonly Endpoint[];
}

export interface Rule {
  readonly index: number;
  readonly name: string | undefined;
  /** The rule's match, in words; "any request" for a catch-all. */
  readonly match: string;
  /** The service has no routes: this is the default rule (local versions, else every version). */
  readonly isDefault: boolean;
  /** The index of an earlier catch-all rule that makes this one unreachable. */
  readonly shadowedBy: number | undefined;
  readonly shares: readonly Share[];
  /** The rest of the rule's HTTPRoute in words (`timeout 2s, 3 attempts`); undefined when it has none. */
  readonly handling: string | undefined;
}

export interface ServiceView {
  readonly namespace: string;
  readonly name: string;
  readonly rules: readonly Rule[];
  /** Where traffic goes when endpoints are ejected, in words; undefined when the service has no failover policy. */
  readonly failover: string | undefined;
}

export interface View {
  /** The calling cluster. */
  readonly cluster: string;
  readonly services: readonly ServiceView[];
}

export interface Picture {
  readonly profile: Spec['profile'];
  readonly views: readonly View[];
}

const gatewayOf = (c: Cluster): string => `${isIP(c.gatewayAddress) === 6 ? `[${c.gatewayAddress}]` : c.gatewayAddress}:${c.gatewayPort}`;

/**
 * Where a version's traffic goes from a cluster. Classic keeps a locally running version on the local host;
 * current sends every destination through the global host, whose endpoints are the local pods and one
 * WorkloadEntry per remote cluster that runs the version.
 */
function endpoints(service: MeshService, version: string, here: Cluster, mesh: Mesh, profile: Spec['profile']): Endpoint[] {
  const serving = service.runsIn.get(version) ?? [];
  const local = runsIn(service, version, here.name);
  const chosen = profile === 'classic' && local ? [here.name] : serving;
  return chosen.map((name) => {
    const cluster = mesh.clusters.find((c) => c.name === name);
    return { cluster: printable(name), gateway: name === here.name || !cluster ? undefined : gatewayOf(cluster) };
  });
}

function serviceView(service: MeshService, here: Cluster, mesh: Mesh, profile: Spec['profile']): ServiceView {
  const routes = effectiveRoutes(service, here.name);
  const catchAll = firstCatchAll(routes);
  const rules = routes.map((route, index): Rule => ({
    index,
    name: route.name === undefined ? undefined : printable(route.name),
    match: printable(describeMatch(route.match)),
    handling: route.http === undefined ? undefined : printable(describeHandling(route.http)),
    isDefault: service.routes === undefined,
    shadowedBy: catchAll >= 0 && index > catchAll ? catchAll : undefined,
    shares: route.to.map((d) => ({ version: printable(d.version), weight: d.weight, endpoints: endpoints(service, d.version, here, mesh, profile) })),
  }));
  return { namespace: printable(service.namespace), name: printable(service.name), rules, failover: failoverOrder(service, here, mesh, profile) };
}

const record = (value: Json | undefined): JsonObject | undefined => (value !== null && typeof value === 'object' && !Array.isArray(value) ? value : undefined);

/**
 * The failover order of a service's traffic policy from a calling cluster: local first (current: the local pods,
 * then every other cluster's gateway once they are ejected or gone), shares by locality, or failover between
 * regions. Istio applies none of it without outlier detection (loadbalancer.go, ApplyToCluster).
 */
function failoverOrder(service: MeshService, here: Cluster, mesh: Mesh, profile: Spec['profile']): string | undefined {
  const policy = service.trafficPolicy;
  if (!policy) return undefined;
  const locality = record(record(policy.fields['loadBalancer'])?.['localityLbSetting']);
  if (policy.fields['outlierDetection'] === undefined) return locality ? 'none: without outlierDetection Istio ignores the locality setting' : undefined;
  const remote = mesh.clusters.filter((c) => c.name !== here.name && service.workloads.some((w) => w.cluster === c.name));
  const others = remote.map((c) => `${printable(c.name)} via ${gatewayOf(c)}`).join(', ') || 'no other cluster';
  const local = service.workloads.some((w) => w.cluster === here.name);
  if (policy.localFirst && profile === 'current')
    return local ? `local first; once the local endpoints are ejected or gone: ${others}` : `no local endpoints; ejected ones skipped: ${others}`;
  if (policy.localFirst) return `versions that run here stay on the local host; the other clusters' gateways by locality, ejected ones skipped: ${others}`;
  const distribute = (locality?.['distribute'] as Json[] | undefined)?.map(record);
  const to = record(distribute?.[0]?.['to']);
  if (to)
    return `shares by locality: ${Object.entries(to)
      .map(([where, weight]) => `${printable(where)} ${String(weight)}%`)
      .join(', ')}`;
  const failover = (locality?.['failover'] as Json[] | undefined)?.map(record);
  if (failover?.length) return `by locality, then ${failover.map((f) => `${printable(String(f?.['from']))} → ${printable(String(f?.['to']))}`).join(', ')}`;
  return 'outlier detection ejects failing endpoints; no locality preference';
}

/** The picture for the given calling clusters (all clusters of the mesh when none are given), in functionConfig order. */
export function picture(mesh: Mesh, spec: Spec, only?: readonly string[]): Picture {
  const views = mesh.clusters
    .filter((c) => only === undefined || only.includes(c.name))
    .map((here) => ({
      cluster: printable(here.name),
      services: mesh.services.filter((s) => s.versions.length > 0 && s.clients.includes(here.name)).map((s) => serviceView(s, here, mesh, spec.profile)),
    }));
  return { profile: spec.profile, views };
}
