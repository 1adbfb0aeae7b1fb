/** The routes a cluster applies: the service's own, or the default (local versions, else every remote one). */
import type { MeshService, Route } from '../topology/model';
import { runsIn } from '../topology/model';
import { evenWeights } from '../util';

export function effectiveRoutes(service: MeshService, cluster: string): readonly Route[] {
  if (service.routes) return service.routes;
  const local = service.versions.filter((v) => runsIn(service, v, cluster));
  const targets = local.length > 0 ? local : service.versions;
  const weights = evenWeights(targets.length);
  return [{ name: undefined, match: undefined, http: undefined, to: targets.map((version, i) => ({ version, weight: weights[i] ?? 0 })) }];
}

/** Versions of the service that run in some cluster other than this one. */
export const remoteVersions = (service: MeshService, cluster: string): string[] =>
  service.versions.filter((v) => (service.runsIn.get(v) ?? []).some((c) => c !== cluster));

/** Clusters other than this one that run the version. */
export const remoteClustersOf = (service: MeshService, version: string, cluster: string): string[] =>
  (service.runsIn.get(version) ?? []).filter((c) => c !== cluster);
