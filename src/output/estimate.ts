/**
 * The output's size, estimated from the mesh model before anything is planned. Output grows as clusters² ×
 * services (every client cluster gets endpoints in every other cluster), so a small input can ask for gigabytes:
 * the estimate lets the function refuse it at once, with a clear error, instead of running for minutes first.
 */
import type { Spec } from '../config/schema';
import type { Mesh, MeshService } from '../topology/model';

/** Bytes, from the golden cases and the benchmark's meshes: generous, so that the estimate stays above the truth. */
const PER_RESOURCE = 420;
const PER_PLACEMENT = 320;
const PER_PORT = 85;
const PER_VERSION = 250;

/**
 * One client cluster's share for a service: its resources, an endpoint or entry per version and cluster, a subset and
 * a destination per version, its routes.
 */
function perClient(service: MeshService, routesBytes: number): number {
  let placements = 0;
  for (const clusters of service.runsIn.values()) placements += clusters.length;
  return (
    5 * PER_RESOURCE + placements * PER_PLACEMENT + service.versions.length * PER_VERSION + service.ports.length * PER_PORT * (1 + placements) + 2 * routesBytes
  );
}

export function estimateOutputBytes(mesh: Mesh, spec: Spec): number {
  const emitting = (cluster: string): boolean => spec.targetCluster === undefined || spec.targetCluster === cluster;
  let total = 0;
  for (const service of mesh.services) {
    const clients = service.clients.filter(emitting).length;
    if (clients === 0) continue;
    total += clients * perClient(service, service.routes === undefined ? 0 : JSON.stringify(service.routes).length);
  }
  return total;
}
