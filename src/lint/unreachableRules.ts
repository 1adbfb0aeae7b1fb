/** A route rule after a catch-all rule can never match: the first match wins, and the catch-all takes every request. */
import type { Result } from '../krm/result';
import type { Json } from '../krm/yamlNodes';
import type { Route } from '../topology/model';
import type { LintInput } from './lint';
import { routeOrigin, ruleLabel } from './routeOrigin';

/** HTTPMatchRequest fields that only name or tune a match; they select nothing. */
const NOT_CONDITIONS = new Set(['name', 'statPrefix', 'ignoreUriCase']);

const isEmpty = (value: Json | undefined): boolean => value === undefined || value === null || (typeof value === 'object' && Object.keys(value).length === 0);

/** The index of a match request with no condition (it matches every request), or -1. */
const unconditional = (route: Route): number =>
  route.match === undefined ? -1 : route.match.findIndex((m) => Object.entries(m).every(([key, value]) => NOT_CONDITIONS.has(key) || isEmpty(value)));

/** A rule takes every request when it has no `match`, or when one of its match requests has no condition. */
export const isCatchAll = (route: Route): boolean => route.match === undefined || unconditional(route) >= 0;

/** The index of the first catch-all rule, or -1. */
export const firstCatchAll = (routes: readonly Route[]): number => routes.findIndex(isCatchAll);

function why(route: Route): string {
  const i = unconditional(route);
  return i < 0 ? 'has no "match"' : `has match[${i}] with no condition`;
}

export function unreachableRules({ mesh, spec, entries }: LintInput): Result[] {
  const results: Result[] = [];
  for (const service of mesh.services) {
    const routes = service.routes ?? [];
    const first = firstCatchAll(routes);
    const catchAll = routes[first];
    if (!catchAll || first === routes.length - 1) continue;
    const origin = routeOrigin(service, entries, spec);
    const before = ruleLabel(first, catchAll.name);
    routes.slice(first + 1).forEach((route, k) => {
      const rule = ruleLabel(first + 1 + k, route.name);
      const message = `routes of service ${service.namespace}/${service.name}: ${rule} can never match, because ${before} before it ${why(catchAll)} and so takes every request (the first match wins); move ${rule} above ${before}, or delete it`;
      results.push({ severity: 'warning', code: 'unreachable-rule', message, field: origin.field, ...origin.at });
    });
  }
  return results;
}
