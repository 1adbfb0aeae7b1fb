/**
 * A canary Rollout whose Istio traffic routing names a VirtualService or DestinationRule the function generates:
 * Argo Rollouts would rewrite that resource's weights (or subsets) at every step, and the function would put its own
 * back at the next run, so both would own them. Argo Rollouts reads a VirtualService name as `name` or
 * `name.namespace` (argo-rollouts utils/istio/istio.go, GetVirtualServiceNamespaceName); a DestinationRule is in the
 * Rollout's namespace.
 */
import type { Result } from '../krm/result';
import type { Json } from '../krm/yamlNodes';
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

export function rolloutTrafficRouting({ entries, generated }: LintInput): Result[] {
  const results: Result[] = [];
  const rollouts = entries.filter((e) => e.role === 'workload' && e.item.kind === 'Rollout');
  if (rollouts.length === 0) return results;
  for (const entry of rollouts) {
    for (const named of namedBy(entry)) {
      const owner = generated.find(
        (g) =>
          g.kind === named.kind && g.namespace === named.namespace && g.name === named.name && (entry.cluster === undefined || g.cluster === entry.cluster),
      );
      if (!owner) continue;
      const message = `${describe(entry.item)}: ${named.field} names ${named.kind} ${named.namespace}/${named.name}, which the function generates for exported service ${owner.namespace}/${owner.service} in cluster ${owner.cluster}; Argo Rollouts would rewrite its ${named.kind === 'VirtualService' ? 'route weights' : 'subsets'} at every canary step and the function would put its own back, both owning them. Either route by version with the function (the Rollout's stable and canary pods as two "version" labels, weighted in the routes), or let the Rollout own a VirtualService of its own, with another name, for the local pods only`;
      results.push({ severity: 'error', code: 'rollout-traffic-routing', message, field: named.field, ...where(entry.item) });
    }
  }
  return results;
}
