/** Current profile: a WorkloadEntry per version that runs in another cluster, pointing at that cluster's gateway. */
import { SERVICE_LABEL_VALUE, serviceLabel } from '../names';
import type { MeshService } from '../topology/model';
import type { Generated, PlanContext } from './generated';
import { clusterByName, forService, gatewayPorts, generated, objectName } from './generated';
import { remoteClustersOf, remoteVersions } from './routing';

export function workloadEntries(service: MeshService, ctx: PlanContext): Generated[] {
  const here = ctx.cluster.name;
  return remoteVersions(service, here).flatMap((version) =>
    remoteClustersOf(service, version, here).map((name) => {
      const remote = clusterByName(ctx, name);
      return generated(ctx, 'WorkloadEntry', forService(service, objectName(service.name, version, name)), {
        address: remote.gatewayAddress,
        ports: gatewayPorts(service, remote.gatewayPort),
        labels: { [serviceLabel(service.name)]: SERVICE_LABEL_VALUE, [ctx.spec.versionLabel]: version },
      });
    }),
  );
}
