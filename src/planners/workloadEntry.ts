/** Current profile: a WorkloadEntry per version that runs in another cluster, pointing at that cluster's gateway. */
import { LABEL_SERVICE } from '../names';
import type { MeshService } from '../topology/model';
import type { Generated, PlanContext } from './generated';
import { clusterByName, forService, gatewayPorts, generated, hostPortsIn, objectName } from './generated';
import { remoteClustersOf, remoteVersions } from './routing';

export function workloadEntries(service: MeshService, ctx: PlanContext): Generated[] {
  const here = ctx.cluster.name;
  const ports = hostPortsIn(service, here);
  return remoteVersions(service, here).flatMap((version) =>
    remoteClustersOf(service, version, here).map((name) => {
      const remote = clusterByName(ctx, name);
      return generated(ctx, 'WorkloadEntry', forService(service, objectName(service.name, version, name)), {
        address: remote.gatewayAddress,
        ports: gatewayPorts(ports, remote.gatewayPort),
        labels: { [LABEL_SERVICE]: service.name, [ctx.spec.versionLabel]: version },
      });
    }),
  );
}
