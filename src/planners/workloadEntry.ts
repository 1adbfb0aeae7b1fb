/**
 * Current profile: a WorkloadEntry per version that runs in another cluster, pointing at that cluster's gateway.
 * Envoy spreads a subset's traffic over its endpoints by weight, and a pod weighs 1
 * (pilot/pkg/model/service.go, IstioEndpoint.GetLoadBalancingWeight), so a WorkloadEntry weighs as many pods as
 * the version runs there (its `weight` becomes the endpoint's LbWeight: serviceentry/conversion.go,
 * convertWorkloadEntryToWorkloadInstance). A weight of 1 is Istio's default and is left out.
 * It carries the remote cluster's locality, and, when the service's policy puts local pods first, the
 * remote-cluster label that failoverPriority ranks below the pods (see expandPolicy).
 */
import { LABEL_REMOTE_CLUSTER, SERVICE_LABEL_VALUE, serviceLabel } from '../names';
import type { JsonObject } from '../krm/yamlNodes';
import type { MeshService } from '../topology/model';
import { podCount } from '../topology/model';
import type { Generated, PlanContext } from './generated';
import { clusterByName, forService, gatewayPorts, generated, hostPortsIn, objectName } from './generated';
import { remoteClustersOf, remoteVersions } from './routing';

export function workloadEntries(service: MeshService, ctx: PlanContext): Generated[] {
  const here = ctx.cluster.name;
  const ports = hostPortsIn(service, here);
  return remoteVersions(service, here).flatMap((version) =>
    remoteClustersOf(service, version, here).map((name) => {
      const remote = clusterByName(ctx, name);
      const pods = podCount(service.workloads.filter((w) => w.version === version && w.cluster === name));
      const spec: JsonObject = {
        address: remote.gatewayAddress,
        ports: gatewayPorts(ports, remote.gatewayPort),
        labels: { [serviceLabel(service.name)]: SERVICE_LABEL_VALUE, [ctx.spec.versionLabel]: version },
      };
      if (service.trafficPolicy?.localFirst === true) (spec['labels'] as JsonObject)[LABEL_REMOTE_CLUSTER] = name;
      if (remote.locality !== undefined) spec['locality'] = remote.locality;
      if (pods > 1) spec['weight'] = pods;
      return generated(ctx, 'WorkloadEntry', forService(service, objectName(service.name, version, name)), spec);
    }),
  );
}
