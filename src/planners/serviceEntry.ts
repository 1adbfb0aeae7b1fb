/** ServiceEntry for a service's global host. */
import type { JsonObject } from '../krm/yamlNodes';
import { LABEL_ENDPOINT_CLUSTER, LABEL_VERSION_PREFIX, SERVICE_LABEL_VALUE, serviceLabel } from '../names';
import type { MeshService } from '../topology/model';
import { globalHost } from '../topology/model';
import { compare } from '../util';
import type { Generated, PlanContext } from './generated';
import { clusterByName, forService, gatewayPorts, generated, hostPortsIn, portsOf } from './generated';
import { remoteClustersOf, remoteVersions } from './routing';

const name = (service: MeshService): string => `${service.name}-global`;

function addresses(service: MeshService, ctx: PlanContext): JsonObject {
  const address = ctx.addresses.get(globalHost(service, ctx.spec.globalSuffix));
  return address === undefined ? {} : { addresses: [address] };
}

/**
 * Classic: one endpoint per remote cluster that runs a version, labelled `cluster: <name>`. A version served
 * by several remote clusters also marks their endpoints `version.multicluster-routes.dev/<version>: "true"`,
 * so that its subset can select exactly those endpoints.
 */
export function classicServiceEntry(service: MeshService, ctx: PlanContext): Generated | undefined {
  const here = ctx.cluster.name;
  const versions = remoteVersions(service, here);
  const remote = ctx.mesh.clusters.filter((c) => versions.some((v) => remoteClustersOf(service, v, here).includes(c.name)));
  if (remote.length === 0) return undefined;
  const ports = portsOf(service);
  const shared = versions.filter((v) => remoteClustersOf(service, v, here).length > 1);
  const endpoints = remote.map((c) => {
    const labels: JsonObject = { [LABEL_ENDPOINT_CLUSTER]: c.name };
    for (const v of shared) if (remoteClustersOf(service, v, here).includes(c.name)) labels[`${LABEL_VERSION_PREFIX}${v}`] = 'true';
    const endpoint: JsonObject = { address: c.gatewayAddress, labels, ports: gatewayPorts(ports, c.gatewayPort) };
    if (c.locality !== undefined) endpoint['locality'] = c.locality;
    return endpoint;
  });
  return generated(ctx, 'ServiceEntry', forService(service, name(service)), {
    hosts: [globalHost(service, ctx.spec.globalSuffix)],
    location: 'MESH_INTERNAL',
    ports,
    resolution: 'DNS',
    ...addresses(service, ctx),
    endpoints,
  });
}

/**
 * Identities of every serving workload, where the cluster's own pods do not already give Istio each of them: a client
 * accepts the identities of the host's local endpoints plus the ServiceEntry's `subjectAltNames`
 * (pilot/pkg/model/push_context.go, initServiceAccounts, addServiceAccounts). Never an incomplete list: when a
 * fact does not give its identity, none (the unknown-identity lint says which fact).
 */
function subjectAltNames(service: MeshService, ctx: PlanContext): JsonObject {
  const accounts = service.workloads.map((w) => w.serviceAccount);
  if (accounts.some((a) => a === undefined)) return {};
  // Only pods whose manifests the function labels are sure to be the host's local endpoints.
  const local = new Set(service.workloads.filter((w) => w.item !== undefined && w.cluster === ctx.cluster.name).map((w) => w.serviceAccount));
  if (accounts.every((a) => local.has(a))) return {};
  const names = [...new Set(accounts as string[])].sort(compare);
  return { subjectAltNames: names.map((sa) => `spiffe://${ctx.spec.trustDomain}/ns/${service.namespace}/sa/${sa}`) };
}

/** Current: the global host selects the local pods and the WorkloadEntries by the generator-owned label. */
export function currentServiceEntry(service: MeshService, ctx: PlanContext): Generated {
  const here = ctx.cluster.name;
  const gateways = remoteVersions(service, here).flatMap((v) => remoteClustersOf(service, v, here).map((c) => clusterByName(ctx, c)));
  return generated(ctx, 'ServiceEntry', forService(service, name(service)), {
    hosts: [globalHost(service, ctx.spec.globalSuffix)],
    ...addresses(service, ctx),
    location: 'MESH_INTERNAL',
    ports: hostPortsIn(service, here),
    resolution: gateways.some((g) => g.gatewayIsHostname) ? 'DNS' : 'STATIC',
    ...subjectAltNames(service, ctx),
    workloadSelector: { labels: { [serviceLabel(service.name)]: SERVICE_LABEL_VALUE } },
  });
}
