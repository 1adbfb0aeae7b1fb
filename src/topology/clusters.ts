/** Clusters from the functionConfig, and which cluster a resource belongs to (CONTRACT §3). */
import { isIP } from 'node:net';
import type { ClusterConfig } from '../config/schema';
import type { Resource } from '../krm/resource';
import { ANNOTATION_CLUSTER } from '../names';
import type { Cluster } from './model';

export const toCluster = (config: ClusterConfig): Cluster => ({
  name: config.name,
  gatewayAddress: config.gateway.address,
  gatewayPort: config.gateway.port,
  gatewayIsHostname: isIP(config.gateway.address) === 0,
});

/** A glob (`*`, `**`, `?`) as an anchored regular expression over slash-separated paths. */
export function globToRegExp(glob: string): RegExp {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] as string;
    if (c === '*' && glob[i + 1] === '*') {
      const slash = glob[i + 2] === '/';
      out += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else out += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${out}$`);
}

export type ClusterOf = { readonly cluster: string | undefined; readonly unknown?: string };

export interface ClusterResolver {
  (item: Resource): ClusterOf;
}

/** annotation → first `paths` match → targetCluster → undefined; an annotation naming no cluster is reported. */
export function clusterResolver(configs: readonly ClusterConfig[], targetCluster: string | undefined): ClusterResolver {
  const names = new Set(configs.map((c) => c.name));
  const globs = configs.flatMap((c) => (c.paths ?? []).map((glob) => ({ name: c.name, re: globToRegExp(glob) })));
  return (item) => {
    const annotated = item.annotations[ANNOTATION_CLUSTER];
    if (annotated !== undefined) return names.has(annotated) ? { cluster: annotated } : { cluster: undefined, unknown: annotated };
    const path = item.file?.path;
    if (path !== undefined) {
      const hit = globs.find((g) => g.re.test(path));
      if (hit) return { cluster: hit.name };
    }
    return { cluster: targetCluster };
  };
}
