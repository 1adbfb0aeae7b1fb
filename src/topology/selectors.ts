/** Which exported services select a workload, as Kubernetes decides: same namespace, every selector pair matches. */
import { compare } from '../util';
import type { Draft } from './buildMesh';

/**
 * Exported services by namespace and selector pair: a workload is checked only against services that could select
 * it. Each selector is filed under its rarest pair, so a pair many services share (`tier: backend`) costs nothing.
 */
export function selectorIndex(drafts: ReadonlyMap<string, Draft>): Map<string, Set<Draft>> {
  const keyOf = (draft: Draft, [k, v]: readonly [string, string]): string => `${draft.namespace}\u0000${k}=${v}`;
  const counts = new Map<string, number>();
  for (const draft of drafts.values())
    for (const { pairs } of draft.selectors) for (const pair of pairs) counts.set(keyOf(draft, pair), (counts.get(keyOf(draft, pair)) ?? 0) + 1);
  const index = new Map<string, Set<Draft>>();
  for (const draft of drafts.values()) {
    for (const { pairs } of draft.selectors) {
      const keys = pairs.map((pair) => keyOf(draft, pair));
      const rarest = keys.reduce<string | undefined>(
        (best, key) => (best === undefined || (counts.get(key) ?? 0) < (counts.get(best) ?? 0) ? key : best),
        undefined,
      );
      if (rarest === undefined) continue;
      const set = index.get(rarest) ?? new Set<Draft>();
      set.add(draft);
      index.set(rarest, set);
    }
  }
  return index;
}

export function candidates(index: ReadonlyMap<string, ReadonlySet<Draft>>, namespace: string, podLabels: Record<string, string>): Draft[] {
  const found = new Set<Draft>();
  for (const [k, v] of Object.entries(podLabels)) for (const draft of index.get(`${namespace}\u0000${k}=${v}`) ?? []) found.add(draft);
  return [...found].sort((a, b) => compare(a.name, b.name));
}

/** The selectors that decide membership: the copy in the workload's own cluster, else every copy (as Kubernetes matches). */
export function selects(draft: Draft, cluster: string | undefined, podLabels: Record<string, string>): boolean {
  const own = draft.selectors.filter((s) => s.cluster === cluster);
  return (own.length > 0 ? own : draft.selectors).some(({ pairs }) => pairs.length > 0 && pairs.every(([k, v]) => podLabels[k] === v));
}
