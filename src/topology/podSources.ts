/**
 * Workloads → where their pods are defined. A Deployment, a StatefulSet or an Argo Rollout with `spec.template`
 * defines its own; a Rollout with `spec.workloadRef` takes the pod template of the Deployment it names (same
 * namespace and cluster), so that Deployment is where the pod label goes, and it is not a workload of its own.
 */
import type { Resource } from '../krm/resource';
import type { Result } from '../krm/result';
import type { Json } from '../krm/yamlNodes';
import type { Entry } from './inventory';
import { describe, where } from './inventory';

export interface PodSource {
  /** The workload: what runs the pods. */
  readonly entry: Entry;
  /** The resource whose `spec.template` defines the pods: the workload itself, or a Rollout's referenced Deployment. */
  readonly pods: Resource;
  /** The pods the workload runs; undefined when not written (an autoscaled workload). */
  readonly replicas: number | undefined;
}

export function record(value: Json | undefined): Record<string, Json> {
  return value !== null && value !== undefined && typeof value === 'object' && !Array.isArray(value) ? value : {};
}

const specOf = (item: Resource): Record<string, Json> => record(item.value['spec']);

function replicasOf(item: Resource): number | undefined {
  const count = specOf(item)['replicas'];
  return typeof count === 'number' && Number.isInteger(count) && count >= 0 ? count : undefined;
}

const refKey = (cluster: string | undefined, namespace: string, name: string): string => `${cluster ?? ''}\u0000${namespace}\u0000${name}`;

/** A Rollout's `spec.workloadRef`, when it has one. */
function workloadRefOf(entry: Entry): Record<string, Json> | undefined {
  if (entry.item.kind !== 'Rollout') return undefined;
  const ref = specOf(entry.item)['workloadRef'];
  return ref === undefined || ref === null ? undefined : record(ref);
}

/**
 * The pods of a Rollout that references a Deployment: the Rollout's own (`spec.replicas`) and, unless Argo Rollouts
 * scales the Deployment down (`workloadRef.scaleDown: onsuccess` or `progressively`; the default `never` leaves it
 * running), the Deployment's, which carry the same pod-template labels. An unwritten count is 1, as elsewhere.
 */
function referencedReplicas(rollout: Resource, ref: Record<string, Json>, deployment: Resource): number | undefined {
  const own = replicasOf(rollout);
  if (ref['scaleDown'] === 'onsuccess' || ref['scaleDown'] === 'progressively') return own;
  const kept = replicasOf(deployment);
  if (kept === 0) return own;
  return (own ?? 1) + (kept ?? 1);
}

const unresolved = (entry: Entry, what: string): Result => ({
  severity: 'warning',
  code: 'unknown-workload-ref',
  message: `${describe(entry.item)}: spec.workloadRef ${what}, so the function cannot see its pods and does not export them; put that Deployment (apps/v1, same namespace and cluster) into the input, or give the Rollout a spec.template`,
  field: 'spec.workloadRef',
  ...where(entry.item),
});

/** Argo Rollouts refuses it (argo-rollouts rollout/templateref.go, Resolve): which pods would run is not clear. */
const bothTemplates = (entry: Entry): Result => ({
  severity: 'error',
  code: 'invalid-rollout',
  message: `${describe(entry.item)} has both spec.workloadRef and spec.template, which Argo Rollouts refuses ("template must be empty for workload reference rollout"); remove spec.template to run the referenced Deployment's pods, or spec.workloadRef to run its own`,
  field: 'spec.template',
  ...where(entry.item),
});

export function podSources(entries: readonly Entry[], results: Result[]): PodSource[] {
  const deployments = new Map<string, Entry>();
  for (const entry of entries)
    if (entry.role === 'workload' && entry.item.kind === 'Deployment') deployments.set(refKey(entry.cluster, entry.namespace, entry.item.name), entry);
  const referenced = new Map<Entry, Entry>();
  for (const entry of entries) {
    const ref = entry.role === 'workload' ? workloadRefOf(entry) : undefined;
    if (ref === undefined) continue;
    const name = ref['name'];
    if (ref['kind'] !== 'Deployment' || typeof name !== 'string') {
      const what = `names ${JSON.stringify(ref['kind'] ?? null)} ${JSON.stringify(name ?? null)}; the function follows a workloadRef to a Deployment only (Argo Rollouts also takes a ReplicaSet or a PodTemplate)`;
      results.push(unresolved(entry, what));
      continue;
    }
    if (Object.keys(record(specOf(entry.item)['template'])).length > 0) {
      results.push(bothTemplates(entry));
      continue;
    }
    const deployment = deployments.get(refKey(entry.cluster, entry.namespace, name));
    if (deployment) referenced.set(entry, deployment);
    else results.push(unresolved(entry, `names Deployment ${entry.namespace}/${name}, which is not in the input for the same cluster`));
  }
  const taken = new Set(referenced.values());
  const sources: PodSource[] = [];
  for (const entry of entries) {
    if (entry.role !== 'workload' || taken.has(entry)) continue;
    const deployment = referenced.get(entry);
    if (deployment) sources.push({ entry, pods: deployment.item, replicas: referencedReplicas(entry.item, workloadRefOf(entry) ?? {}, deployment.item) });
    else if (workloadRefOf(entry) === undefined) sources.push({ entry, pods: entry.item, replicas: replicasOf(entry.item) });
  }
  return sources;
}
