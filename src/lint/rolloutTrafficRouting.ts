/**
 * A canary Rollout whose Istio traffic routing names a VirtualService or DestinationRule the function generates:
 * Argo Rollouts would rewrite that resource's weights (or subsets) at every step, and the function would put its own
 * back at the next run, so both would own them. Argo Rollouts reads a VirtualService name as `name` or
 * `name.namespace` (argo-rollouts utils/istio/istio.go, GetVirtualServiceNamespaceName); a DestinationRule is in the
 * Rollout's namespace.
 */
import type { Result } from '../krm/result';
import type { Json } from '../krm/yamlNodes';
import type { Generated } from '../planners/generated';
import type { Entry } from '../topology/inventory';
import { describe, where } from '../topology/inventory';
import { record } from '../topology/podSources';
import type { LintInput } from './lint';

const ISTIO = 'spec.strategy.canary.trafficRouting.istio';

interface Named {
  readonly kind: 'VirtualService' | 'DestinationRule';
  readonly namespace: string;
  readonly name: string;
  readonly field: string;
}

/** The VirtualServices and DestinationRule a Rollout's canary strategy hands to Argo Rollouts. */
function namedBy(entry: Entry): Named[] {
  const istio = record(record(record(record(record(entry.item.value['spec'])['strategy'])['canary'])['trafficRouting'])['istio']);
  const out: Named[] = [];
  const virtualService = (value: Json | undefined, field: string): void => {
    const name = record(value)['name'];
    if (typeof name !== 'string') return;
    const [short = '', namespace] = name.split('.');
    out.push({ kind: 'VirtualService', namespace: namespace || entry.namespace, name: short, field });
  };
  virtualService(istio['virtualService'], `${ISTIO}.virtualService.name`);
  const list = istio['virtualServices'];
  if (Array.isArray(list)) list.forEach((v, i) => virtualService(v, `${ISTIO}.virtualServices[${i}].name`));
  const rule = record(istio['destinationRule'])['name'];
  if (typeof rule === 'string') out.push({ kind: 'DestinationRule', namespace: entry.namespace, name: rule, field: `${ISTIO}.destinationRule.name` });
  return out;
}

const keyOf = (kind: string, namespace: string, name: string): string => `${kind}\u0000${namespace}\u0000${name}`;

export function rolloutTrafficRouting({ entries, generated, spec }: LintInput): Result[] {
  const results: Result[] = [];
  const named = entries.filter((e) => e.role === 'workload' && e.item.kind === 'Rollout').map((entry) => ({ entry, names: namedBy(entry) }));
  if (!named.some((n) => n.names.length > 0)) return results;
  /** The generated VirtualServices and DestinationRules by kind, namespace and name: one look-up per name. */
  const owners = new Map<string, Generated[]>();
  for (const g of generated) {
    if (g.kind !== 'VirtualService' && g.kind !== 'DestinationRule') continue;
    const id = keyOf(g.kind, g.namespace, g.name);
    const same = owners.get(id);
    if (same) same.push(g);
    else owners.set(id, [g]);
  }
  for (const { entry, names } of named) {
    for (const name of names) {
      const owner = owners.get(keyOf(name.kind, name.namespace, name.name))?.find((g) => entry.cluster === undefined || g.cluster === entry.cluster);
      if (!owner) continue;
      const message = `${describe(entry.item)}: ${name.field} names ${name.kind} ${name.namespace}/${name.name}, which the function generates for exported service ${owner.namespace}/${owner.service} in cluster ${owner.cluster}; Argo Rollouts would rewrite its ${name.kind === 'VirtualService' ? 'route weights' : 'subsets'} at every canary step and the function would put its own back, both owning them. Either make the stable and the canary version two workloads (two Rollouts) with their own "${spec.versionLabel}" label and weigh them in the service's routes, or let the Rollout own a VirtualService of its own, with another name, for a host that is not exported (its canaryService/stableService), for the local pods only`;
      results.push({ severity: 'error', code: 'rollout-traffic-routing', message, field: name.field, ...where(entry.item) });
    }
  }
  return results;
}
