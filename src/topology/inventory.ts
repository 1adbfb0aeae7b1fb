/** Sort the input into what the function reads: local config, its own previous output, Services, workloads, the rest. */
import type { Spec } from '../config/schema';
import type { Resource } from '../krm/resource';
import type { Result } from '../krm/result';
import { ANNOTATION_CLUSTER, ANNOTATION_LOCAL_CONFIG, DEFAULTS, GENERATED_KINDS, LABEL_MANAGED_BY, TOOL, WORKLOAD_KINDS } from '../names';
import { clusterResolver } from './clusters';

export type Role = 'local-config' | 'managed' | 'service' | 'workload' | 'other';

export interface Entry {
  readonly item: Resource;
  readonly role: Role;
  /** Undefined when nothing says which cluster the resource is for. */
  readonly cluster: string | undefined;
  /** The namespace, `default` when the manifest has none. */
  readonly namespace: string;
  /** The cluster annotation names no cluster of the functionConfig (already reported). */
  readonly misplaced?: true;
  /**
   * A kind the function neither reads nor writes, in package mode: passed through without reading its metadata
   * (so cluster and namespace are not known).
   */
  readonly opaque?: true;
}

const READ_KINDS = new Set([...GENERATED_KINDS, ...Object.keys(WORKLOAD_KINDS)]);

export const where = (item: Resource): Pick<Result, 'resourceRef' | 'file'> =>
  item.file ? { resourceRef: item.ref, file: item.file } : { resourceRef: item.ref };

export const describe = (item: Resource): string => `${item.kind} ${item.namespace ?? DEFAULTS.namespace}/${item.name}`;

function roleOf(item: Resource): Role {
  if (item.annotations[ANNOTATION_LOCAL_CONFIG] === 'true') return 'local-config';
  if (item.labels[LABEL_MANAGED_BY] === TOOL) return 'managed';
  if (item.kind === 'Service' && item.apiVersion === 'v1') return 'service';
  if (WORKLOAD_KINDS[item.kind]?.includes(item.apiVersion)) return 'workload';
  return 'other';
}

export function takeInventory(items: readonly Resource[], spec: Spec): { entries: Entry[]; results: Result[] } {
  const resolve = clusterResolver(spec.clusters, spec.targetCluster);
  const known = spec.clusters.map((c) => c.name).join(', ');
  const results: Result[] = [];
  const entries = items.map((item): Entry => {
    if (!READ_KINDS.has(item.kind) && spec.targetCluster === undefined) return { item, role: 'other', cluster: undefined, namespace: '', opaque: true };
    const role = roleOf(item);
    const namespace = item.namespace ?? DEFAULTS.namespace;
    if (role === 'local-config') return { item, role, cluster: undefined, namespace };
    const { cluster, unknown } = resolve(item);
    if (unknown !== undefined) {
      results.push({
        severity: 'error',
        code: 'unknown-cluster',
        message: `${describe(item)} is annotated ${ANNOTATION_CLUSTER}: ${JSON.stringify(unknown)}, which is not a cluster of the functionConfig (${known}); use one of those names or add the cluster to spec.clusters`,
        field: `metadata.annotations.${ANNOTATION_CLUSTER}`,
        ...where(item),
      });
    }
    return unknown === undefined ? { item, role, cluster, namespace } : { item, role, cluster, namespace, misplaced: true };
  });
  return { entries, results };
}
