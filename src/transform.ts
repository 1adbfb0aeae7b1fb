/**
 * The pure core: ResourceList in, output items and results out. read → model → plan → place → merge.
 * It never prints and never throws for bad input; only bugs throw.
 */
import { checkSpec } from './config/checkSpec';
import { parseConfig } from './config/parseConfig';
import type { Spec } from './config/schema';
import type { ResourceList } from './krm/resourceList';
import type { Result } from './krm/result';
import { hasErrors } from './krm/result';
import { ISTIO_GROUP } from './names';
import type { Pool } from './output/addresses';
import { allocate } from './output/addresses';
import { merge } from './output/merge';
import type { Output } from './output/merge';
import { place } from './output/place';
import { plan } from './planners/plan';
import { buildMesh } from './topology/buildMesh';
import type { Entry } from './topology/inventory';
import { takeInventory } from './topology/inventory';
import type { Mesh, MeshService } from './topology/model';
import { remoteVersions } from './planners/routing';
import type { Resource } from './krm/resource';
import { globalHost } from './topology/model';
import { bindsAddress } from './topology/ports';
import { lint } from './lint/lint';

export interface TransformOutput<R extends Resource = Resource> {
  /** What to write; undefined when there are errors (the caller then writes nothing). */
  readonly output: Output<R> | undefined;
  readonly results: readonly Result[];
  /** The mesh model and the functionConfig it was built from, when the run got that far (`explain` draws them). */
  readonly model?: { readonly mesh: Mesh; readonly spec: Spec };
}

const fail = (results: readonly Result[]): TransformOutput => ({ output: undefined, results });

/** Addresses of previously generated ServiceEntries, by host. */
function heldAddresses(entries: readonly Entry[]): Map<string, string> {
  const held = new Map<string, string>();
  for (const { item, role } of entries) {
    if (role !== 'managed' || item.kind !== 'ServiceEntry' || !item.apiVersion.startsWith(`${ISTIO_GROUP}/`)) continue;
    const spec = item.value['spec'] as { hosts?: unknown; addresses?: unknown } | null;
    const host = Array.isArray(spec?.hosts) ? spec.hosts[0] : undefined;
    const address = Array.isArray(spec?.addresses) ? spec.addresses[0] : undefined;
    if (typeof host === 'string' && typeof address === 'string' && !held.has(host)) held.set(host, address);
  }
  return held;
}

function addresses(mesh: Mesh, spec: Spec, pool: Pool | undefined, entries: readonly Entry[]): Map<string, string> | Result {
  if (!pool) return new Map();
  // Hosts that get a ServiceEntry somewhere (in classic only where a client reaches a remote version) and, in
  // current without a pool of one's own, only those whose listeners would otherwise bind 0.0.0.0 (see bindsAddress).
  const needed = (s: MeshService): boolean =>
    s.versions.length > 0 &&
    (spec.profile === 'current' ? spec.addressPool !== undefined || s.ports.some(bindsAddress) : s.clients.some((c) => remoteVersions(s, c).length > 0));
  const hosts = mesh.services.filter(needed).map((s) => globalHost(s, spec.globalSuffix));
  const allocation = allocate(pool, hosts, heldAddresses(entries));
  if (allocation.ok) return allocation.addresses;
  return { severity: 'error', code: 'pool-exhausted', message: `functionConfig spec.addressPool: ${allocation.message}`, field: 'spec.addressPool' };
}

/** Findings about a functionConfig field point at the functionConfig resource. */
function atConfig(results: readonly Result[], config: Resource | undefined): Result[] {
  if (!config) return [...results];
  const where = config.file ? { resourceRef: config.ref, file: config.file } : { resourceRef: config.ref };
  return results.map((r) => (r.resourceRef === undefined && /^(spec|data)\b/.test(r.field ?? '') ? { ...r, ...where } : r));
}

/** The items come back as they went in (the same objects), so the output is typed like the input. */
export function transform<R extends Resource>(list: ResourceList<R>): TransformOutput<R> {
  const { output, results, model } = run(list);
  return { output: output as Output<R> | undefined, results: atConfig(results, list.functionConfig), ...(model ? { model } : {}) };
}

function run(list: ResourceList): TransformOutput {
  const config = parseConfig(list.functionConfig);
  if (!config.ok) return fail(config.results);
  const { spec } = config;
  const checked = checkSpec(spec);
  if (checked.results.length > 0) return fail(checked.results);
  const inventory = takeInventory(list.items, spec);
  const model = buildMesh(inventory.entries, spec);
  const results = [...inventory.results, ...model.results];
  if (hasErrors(results)) return fail(results);
  const assigned = addresses(model.mesh, spec, checked.pool, inventory.entries);
  if (!(assigned instanceof Map)) return fail([assigned]);
  const emit = (cluster: string): boolean => spec.targetCluster === undefined || spec.targetCluster === cluster;
  const placed = place(plan(model.mesh, spec, assigned, emit), spec.output.path);
  const linted = lint({ mesh: model.mesh, spec, entries: inventory.entries, generated: placed });
  const merged = merge({ entries: inventory.entries, placed, spec, workloadServices: model.workloadServices });
  const all = [...results, ...linted, ...merged.results];
  return merged.output && !hasErrors(all) ? { output: merged.output, results: all, model: { mesh: model.mesh, spec } } : fail(all);
}
