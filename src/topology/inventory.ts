/** Sort the input into what the function reads: local config, its own previous output, Services, workloads, the rest. */
import type { Spec } from '../config/schema';
import type { Resource } from '../krm/resource';
import type { Result } from '../krm/result';
import { ANNOTATION_CLUSTER, ANNOTATION_LOCAL_CONFIG, DEFAULTS, GENERATED_KINDS, ISTIO_GROUP, LABEL_MANAGED_BY, TOOL, WORKLOAD_KINDS } from '../names';
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

const isMarked = (item: Resource): boolean => item.labels[LABEL_MANAGED_BY] === TOOL;

/** Why a resource with the managed-by marker is not the function's own output (a kind it generates, as it writes it). */
function notOwnOutput(item: Resource): string | undefined {
  const generated = GENERATED_KINDS.includes(item.kind) && (item.kind === 'Service' ? item.apiVersion === 'v1' : item.apiVersion.startsWith(`${ISTIO_GROUP}/`));
  if (!generated) return `the function never generates a ${item.kind} of ${item.apiVersion}`;
  return item.annotations[ANNOTATION_CLUSTER] ? undefined : `it has no ${ANNOTATION_CLUSTER} annotation, which all the function's output has`;
}

/** A resource that claims to be the function's output but is not: counted as previous output, it would be dropped. */
function falseMarker(item: Resource): Result {
  return {
    severity: 'error',
    code: 'false-managed-by',
    message: `${describe(item)} is labelled ${LABEL_MANAGED_BY}: ${TOOL}, the mark of the function's own output, but ${notOwnOutput(item) ?? ''}; as previous output it would be dropped (and pruned from the cluster, or its file deleted): remove the label, or set it to the tool that manages the resource`,
    field: `metadata.labels.${LABEL_MANAGED_BY}`,
    ...where(item),
  };
}

function roleOf(item: Resource): Role {
  if (item.annotations[ANNOTATION_LOCAL_CONFIG] === 'true') return 'local-config';
  if (isMarked(item) && notOwnOutput(item) === undefined) return 'managed';
  if (item.kind === 'Service' && item.apiVersion === 'v1') return 'service';
  if (Object.hasOwn(WORKLOAD_KINDS, item.kind) && WORKLOAD_KINDS[item.kind]?.includes(item.apiVersion)) return 'workload';
  return 'other';
}

export function takeInventory(items: readonly Resource[], spec: Spec): { entries: Entry[]; results: Result[] } {
  const resolve = clusterResolver(spec.clusters, spec.targetCluster);
  const known = spec.clusters.map((c) => c.name).join(', ');
  const results: Result[] = [];
  const entries = items.map((item): Entry => {
    if (!READ_KINDS.has(item.kind) && spec.targetCluster === undefined) {
      // Not read, but checked for the marker (a cheap look at the text first).
      if (item.mentions(TOOL) && isMarked(item) && item.annotations[ANNOTATION_LOCAL_CONFIG] !== 'true') results.push(falseMarker(item));
      return { item, role: 'other', cluster: undefined, namespace: '', opaque: true };
    }
    const role = roleOf(item);
    const namespace = item.namespace ?? DEFAULTS.namespace;
    if (role === 'local-config') return { item, role, cluster: undefined, namespace };
    if (role !== 'managed' && isMarked(item)) results.push(falseMarker(item));
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
