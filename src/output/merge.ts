/**
 * The one step that owns the output: input items pass through in order (minus the previous run's output and,
 * in overlay mode, other clusters' resources), generated resources follow; collisions with the user's own
 * resources are errors, never overwrites.
 */
import type { Spec } from '../config/schema';
import type { Resource } from '../krm/resource';
import type { Result } from '../krm/result';
import type { LabelChanges } from '../krm/relabelText';
import type { Json, JsonObject } from '../krm/yamlNodes';
import { isServiceLabel, SERVICE_LABEL_VALUE } from '../names';
import type { Entry } from '../topology/inventory';
import { describe, where } from '../topology/inventory';
import type { Placed } from './place';

const groupOf = (apiVersion: string): string => {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
};
const identity = (group: string, namespace: string, name: string): string => `${group}|${namespace}|${name}`;

function collisions(entries: readonly Entry[], placed: readonly Placed[]): Result[] {
  const results: Result[] = [];
  /** The user's own resources, by kind, then by identity (only kinds the function also generates are looked up). */
  const user = new Map<string, Map<string, Entry[]>>();
  const files = new Map<string, Entry>();
  const generatedPaths = [...new Set(placed.map((p) => p.path))];
  for (const entry of entries) {
    if (entry.role === 'managed' || entry.role === 'local-config') continue;
    if (entry.opaque) {
      const path = generatedPaths.some((p) => entry.item.mentions(p)) ? entry.item.file?.path : undefined;
      if (path !== undefined && !files.has(path)) files.set(path, entry);
      continue;
    }
    const ofKind = user.get(entry.item.kind) ?? new Map<string, Entry[]>();
    user.set(entry.item.kind, ofKind);
    const id = identity(groupOf(entry.item.apiVersion), entry.namespace, entry.item.name);
    const same = ofKind.get(id);
    if (same) same.push(entry);
    else ofKind.set(id, [entry]);
    const path = entry.item.file?.path;
    if (path !== undefined && !files.has(path)) files.set(path, entry);
  }
  const seen = new Set<string>();
  for (const p of placed) {
    const id = `${p.cluster}|${p.kind}|${p.namespace}|${p.name}`;
    if (seen.has(id)) {
      const message = `two generated resources for cluster ${p.cluster} are both named ${p.kind} ${p.namespace}/${p.name}; rename the versions or services whose names differ only in case or punctuation`;
      results.push({ severity: 'error', code: 'generated-collision', message });
    }
    seen.add(id);
    for (const entry of user.get(p.kind)?.get(identity(groupOf(p.body['apiVersion'] as string), p.namespace, p.name)) ?? []) {
      if (entry.cluster !== undefined && entry.cluster !== p.cluster) continue;
      const message = `${describe(entry.item)} was written by hand, but the function generates a resource with that kind, namespace and name for cluster ${p.cluster}; it is never overwritten: delete or rename it, or stop exporting service ${p.service}`;
      results.push({ severity: 'error', code: 'collision', message, field: 'metadata.name', ...where(entry.item) });
    }
    const owner = files.get(p.path);
    if (owner) {
      const message = `output.path puts generated resources in ${p.path}, which holds ${describe(owner.item)} written by hand; choose an output.path of files that only the function writes`;
      results.push({ severity: 'error', code: 'collision', message, field: 'spec.output.path', ...where(owner.item) });
      files.delete(p.path);
    }
  }
  return results;
}

const objectOf = (value: Json | undefined): JsonObject | undefined =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? value : undefined;

/**
 * The changes that give a workload's pod template exactly the wanted service labels: each wanted key set to "true"
 * where it is not already, each other label the function owns (a service no longer exported, the legacy label) removed.
 */
export function serviceLabelChanges(item: Resource, wanted: readonly string[]): LabelChanges {
  const labels = objectOf(objectOf(objectOf(objectOf(item.value['spec'])?.['template'])?.['metadata'])?.['labels']) ?? {};
  const changes: Array<readonly [string, string | undefined]> = [];
  for (const key of Object.keys(labels)) if (isServiceLabel(key) && !wanted.includes(key)) changes.push([key, undefined]);
  for (const key of wanted) if (labels[key] !== SERVICE_LABEL_VALUE) changes.push([key, SERVICE_LABEL_VALUE]);
  return changes;
}

export interface MergeInput {
  readonly entries: readonly Entry[];
  readonly placed: readonly Placed[];
  readonly spec: Spec;
  readonly workloadServices: ReadonlyMap<Resource, readonly string[]>;
}

/** What the output holds: input items kept in order, the pod-label changes to make, generated resources. */
export interface Output<R extends Resource = Resource> {
  readonly kept: readonly R[];
  /** Workloads whose generator-owned pod labels change, and how. */
  readonly relabel: ReadonlyMap<R, LabelChanges>;
  readonly generated: readonly Placed[];
  /** Files that previously generated resources came from and that nothing is generated for now. */
  readonly staleFiles: readonly string[];
}

export function merge({ entries, placed, spec, workloadServices }: MergeInput): { output?: Output; results: Result[] } {
  const results = collisions(entries, placed);
  if (results.length > 0) return { results };
  const target = spec.targetCluster;
  const kept = entries.filter((e) => e.role !== 'managed' && (target === undefined || e.cluster === undefined || e.cluster === target));
  const relabel = new Map<Resource, LabelChanges>();
  for (const { item, role } of kept) {
    if (role !== 'workload') continue;
    const changes = serviceLabelChanges(item, (spec.profile === 'current' && workloadServices.get(item)) || []);
    if (changes.length > 0) relabel.set(item, changes);
  }
  const paths = new Set(placed.map((p) => p.path));
  const previous = entries.filter((e) => e.role === 'managed').map((e) => e.item.file?.path);
  const staleFiles = [...new Set(previous)].filter((path): path is string => path !== undefined && !paths.has(path)).sort();
  return { output: { kept: kept.map((e) => e.item), relabel, generated: placed, staleFiles }, results };
}
