/** Mesh model → every generated resource of the clusters to emit. No I/O, no placement. */
import type { Spec } from '../config/schema';
import type { Mesh, MeshService } from '../topology/model';
import { clientService } from './clientService';
import { classicGlobalDestinationRule, classicLocalDestinationRule, currentDestinationRule } from './destinationRule';
import { passthroughGateway } from './gateway';
import type { Generated, PlanContext } from './generated';
import { classicServiceEntry, currentServiceEntry } from './serviceEntry';
import { classicVirtualService, currentVirtualService } from './virtualService';
import { workloadEntries } from './workloadEntry';

type Planner = (service: MeshService, ctx: PlanContext) => Generated | Generated[] | undefined;

const PROFILES: Readonly<Record<Spec['profile'], readonly Planner[]>> = {
  classic: [clientService, classicLocalDestinationRule, classicServiceEntry, classicGlobalDestinationRule, classicVirtualService],
  current: [clientService, currentServiceEntry, workloadEntries, currentDestinationRule, currentVirtualService],
};

function add(out: Generated[], planned: Generated | Generated[] | undefined): void {
  if (Array.isArray(planned)) for (const g of planned) out.push(g);
  else if (planned !== undefined) out.push(planned);
}

export function plan(mesh: Mesh, spec: Spec, addresses: ReadonlyMap<string, string>, emit: (cluster: string) => boolean): Generated[] {
  const out: Generated[] = [];
  for (const cluster of mesh.clusters) {
    if (!emit(cluster.name)) continue;
    const ctx: PlanContext = { spec, mesh, cluster, addresses };
    for (const service of mesh.services) {
      if (service.versions.length === 0 || !service.clients.includes(cluster.name)) continue;
      for (const planner of PROFILES[spec.profile]) add(out, planner(service, ctx));
    }
    if (spec.profile === 'current') add(out, passthroughGateway(ctx));
  }
  return out;
}
