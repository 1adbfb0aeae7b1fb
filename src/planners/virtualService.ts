/** VirtualService on the local host that carries the route rules across clusters. */
import type { JsonObject } from '../krm/yamlNodes';
import type { MeshService, Route } from '../topology/model';
import { globalHost, localHost, runsIn } from '../topology/model';
import type { Generated, PlanContext } from './generated';
import { forService, generated } from './generated';
import { effectiveRoutes, remoteVersions } from './routing';
import { portRules } from '../topology/portRoutes';
import type { Traffic } from '../topology/ports';
import { carriesHttp, trafficOf } from '../topology/ports';

function destinations(route: Route, hostOf: (version: string) => string): JsonObject[] {
  return route.to.map((d) => {
    const destination = { host: hostOf(d.version), subset: d.version };
    return route.to.length > 1 ? { destination, weight: d.weight } : { destination };
  });
}

function httpRoutes(routes: readonly Route[], hostOf: (version: string) => string): JsonObject[] {
  return routes.map((route) => {
    const rule: JsonObject = {};
    if (route.name !== undefined) rule['name'] = route.name;
    if (route.match !== undefined) rule['match'] = [...route.match];
    rule['route'] = destinations(route, hostOf);
    if (route.http !== undefined) Object.assign(rule, route.http);
    return rule;
  });
}

/** Matches by rule index, over the ports of one kind, in rule order; a TLS match also names the SNI it takes. */
function portSection(
  service: MeshService,
  routes: readonly Route[],
  traffic: readonly Traffic[],
  sni: string | undefined,
  hostOf: (v: string) => string,
): JsonObject[] {
  const byRule = new Map<number, JsonObject[]>();
  for (const port of service.ports) {
    if (!traffic.includes(trafficOf(port))) continue;
    for (const { rule, matches } of portRules(routes, port.number)) {
      const list = byRule.get(rule) ?? [];
      for (const match of matches) list.push(sni === undefined ? match : { sniHosts: [sni], ...match });
      byRule.set(rule, list);
    }
  }
  return [...byRule.keys()].sort((a, b) => a - b).map((rule) => ({ match: byRule.get(rule) ?? [], route: destinations(routes[rule] as Route, hostOf) }));
}

/**
 * The `http`, `tcp` and `tls` sections for the rules. HTTP routes serve HTTP and sniffed ports (and are left out
 * when every port carries TCP or TLS); TCP routes serve TCP and sniffed ports, TLS routes TLS and HTTPS ports, each
 * matched by port (and, for TLS, by the service's own name as SNI: Istio wants an SNI host in every TLS match, one
 * of the VirtualService's hosts).
 */
function virtualService(service: MeshService, ctx: PlanContext, routes: readonly Route[], hostOf: (version: string) => string): Generated {
  const out: JsonObject = { hosts: [localHost(service)] };
  if (service.ports.length === 0 || service.ports.some(carriesHttp)) out['http'] = httpRoutes(routes, hostOf);
  const tcp = portSection(service, routes, ['tcp', 'auto'], undefined, hostOf);
  if (tcp.length > 0) out['tcp'] = tcp;
  const tls = portSection(service, routes, ['tls'], localHost(service), hostOf);
  if (tls.length > 0) out['tls'] = tls;
  return generated(ctx, 'VirtualService', forService(service, service.name), out);
}

/**
 * Classic: when there are routes, or the default routing sends traffic to a remote version; local versions stay
 * on the local host. (Routes that keep every request local still need the VirtualService: without it the local
 * Service spreads requests over all its versions.)
 */
export function classicVirtualService(service: MeshService, ctx: PlanContext): Generated | undefined {
  const here = ctx.cluster.name;
  const routes = effectiveRoutes(service, here);
  const local = (v: string): boolean => runsIn(service, v, here);
  if (!service.routes && routes.every((r) => r.to.every((d) => local(d.version)))) return undefined;
  const global = globalHost(service, ctx.spec.globalSuffix);
  return virtualService(service, ctx, routes, (v) => (local(v) ? localHost(service) : global));
}

/** Current: when there are routes or remote versions; every destination goes through the global host. */
export function currentVirtualService(service: MeshService, ctx: PlanContext): Generated | undefined {
  const here = ctx.cluster.name;
  if (!service.routes && remoteVersions(service, here).length === 0) return undefined;
  const global = globalHost(service, ctx.spec.globalSuffix);
  return virtualService(service, ctx, effectiveRoutes(service, here), () => global);
}
