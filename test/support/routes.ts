/** A small evaluator of VirtualService `http` sections, the way Envoy applies them to one request. */
import type { Obj } from './resources';

/** The first rule that matches a request with these headers (exact header matches; a rule without `match` matches all). */
export function firstMatch(http: readonly Obj[], headers: Record<string, string>): Obj | undefined {
  const matches = (rule: Obj): boolean =>
    !rule['match'] ||
    (rule['match'] as Obj[]).some((m) => Object.entries((m['headers'] ?? {}) as Obj).every(([name, cond]) => headers[name] === cond['exact']));
  return http.find(matches);
}

/** Subset → share of the traffic of such a request: the first matching rule's weights (one destination takes all). */
export function evaluate(http: readonly Obj[], headers: Record<string, string>): Record<string, number> {
  const route = (firstMatch(http, headers)?.['route'] ?? []) as Obj[];
  return Object.fromEntries(route.map((d) => [d['destination']['subset'] as string, route.length === 1 ? 100 : (d['weight'] as number)]));
}
