/** Clusters from the functionConfig, and which cluster a resource belongs to (CONTRACT §3). */
import { isIP } from 'node:net';
import type { ClusterConfig } from '../config/schema';
import type { Resource } from '../krm/resource';
import { ANNOTATION_CLUSTER } from '../names';
import { globMatcher } from './globMatcher';
import type { Cluster } from './model';

export const toCluster = (config: ClusterConfig): Cluster => ({
  name: config.name,
  gatewayAddress: config.gateway.address,
  gatewayPort: config.gateway.port,
  gatewayListenPort: config.gateway.listenPort,
  gatewayIsHostname: isIP(config.gateway.address) === 0,
  locality: config.locality,
});

export type ClusterOf = { readonly cluster: string | undefined; readonly unknown?: string };

export interface ClusterResolver {
  (item: Resource): ClusterOf;
}

/** annotation → first `paths` match → targetCluster → undefined; an annotation naming no cluster is reported. */
export function clusterResolver(configs: readonly ClusterConfig[], targetCluster: string | undefined): ClusterResolver {
  const names = new Set(configs.map((c) => c.name));
  const globs = configs.flatMap((c) => (c.paths ?? []).map((glob) => ({ name: c.name, matches: globMatcher(glob) })));
  /** The items of one file share its path: each path is matched once. */
  const byPath = new Map<string, string | undefined>();
  const globCluster = (path: string): string | undefined => {
    if (!byPath.has(path)) byPath.set(path, globs.find((g) => g.matches(path))?.name);
    return byPath.get(path);
  };
  return (item) => {
    const annotated = item.annotations[ANNOTATION_CLUSTER];
    if (annotated !== undefined) return names.has(annotated) ? { cluster: annotated } : { cluster: undefined, unknown: annotated };
    const path = item.file?.path;
    const matched = path === undefined || globs.length === 0 ? undefined : globCluster(path);
    return { cluster: matched ?? targetCluster };
  };
}
