/** A selector-less Service in a client cluster that has none, so that the local host exists for callers. */
import type { JsonObject } from '../krm/yamlNodes';
import type { MeshService } from '../topology/model';
import type { Generated, PlanContext } from './generated';
import { forService, generated } from './generated';

export function clientService(service: MeshService, ctx: PlanContext): Generated | undefined {
  if (service.manifestClusters.has(ctx.cluster.name)) return undefined;
  const ports = service.ports.map((p) => {
    const port: JsonObject = { name: p.name, port: p.number };
    if (p.serviceProtocol !== undefined) port['protocol'] = p.serviceProtocol;
    if (p.appProtocol !== undefined) port['appProtocol'] = p.appProtocol;
    return port;
  });
  return generated(ctx, 'Service', forService(service, service.name), { ports });
}
