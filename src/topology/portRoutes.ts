/**
 * The route rules as a TCP or TLS port sees them. A sidecar picks a TCP or TLS route when it builds the listener,
 * from what it knows then: the port, its own labels and namespace, the gateway (pilot/pkg/networking/core/tls.go
 * matchTCP, matchTLS); the first route that matches with no runtime condition ends the list
 * (buildSidecarOutboundTCPFilterChainOpts). An HTTP condition (a header, the URI…) is never met by a connection.
 */
import type { JsonObject } from '../krm/yamlNodes';
import type { Route } from './model';

/** HTTPMatchRequest conditions only an HTTP request carries: Istio's L4MatchAttributes and TLSMatchAttributes have none of them. */
const HTTP_ONLY = ['uri', 'scheme', 'method', 'authority', 'headers', 'queryParams', 'withoutHeaders'] as const;
/** HTTPMatchRequest conditions a TCP or TLS route can test as well (`name`, `statPrefix` and `ignoreUriCase` test nothing). */
const L4_CONDITIONS = ['sourceLabels', 'sourceNamespace', 'gateways'] as const;

/** The conditions of a match that only an HTTP request can meet. */
export const httpOnlyConditions = (match: JsonObject): string[] => HTTP_ONLY.filter((key) => match[key] !== undefined);

/** A rule that decides some connections to a port: its index in the routes and its matches there (each with the port). */
export interface PortRule {
  readonly rule: number;
  readonly matches: readonly JsonObject[];
}

/** The match's conditions a connection can meet, on the port; undefined when it has an HTTP-only one or names another port. */
function l4Match(match: JsonObject, port: number): JsonObject | undefined {
  if (httpOnlyConditions(match).length > 0 || (match['port'] !== undefined && match['port'] !== port)) return undefined;
  const l4: JsonObject = { port };
  for (const key of L4_CONDITIONS) {
    const value = match[key];
    if (value !== undefined) l4[key] = value;
  }
  return l4;
}

/**
 * The rules that route connections to the port, in order: each rule with the matches a connection can meet (a
 * rule without match meets every connection), leaving out matches already met by an earlier rule and every rule
 * after the first that meets every connection (Istio warns of both: analyzeUnreachableTCPRules).
 */
export function portRules(routes: readonly Route[], port: number): PortRule[] {
  const out: PortRule[] = [];
  const seen = new Set<string>();
  for (const [rule, route] of routes.entries()) {
    const matches: JsonObject[] = [];
    let everyConnection = false;
    for (const match of route.match ?? [{}]) {
      const l4 = l4Match(match, port);
      const key = JSON.stringify(l4);
      if (l4 === undefined || seen.has(key)) continue;
      seen.add(key);
      matches.push(l4);
      everyConnection ||= Object.keys(l4).length === 1;
    }
    if (matches.length > 0) out.push({ rule, matches });
    if (everyConnection) break;
  }
  return out;
}
