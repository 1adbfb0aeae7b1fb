/** VirtualService on the local host that carries the route rules across clusters. */
import type { JsonObject } from '../krm/yamlNodes';
import type { MeshService, Route } from '../topology/model';
import { globalHost, localHost, runsIn } from '../topology/model';
import type { Generated, PlanContext } from './generated';
import { forService, generated } from './generated';
import { effectiveRoutes, remoteVersions } from './routing';

function httpRoutes(routes: readonly Route[], hostOf: (version: string) => string): JsonObject[] {
  return routes.map((route) => {
    const destinations = route.to.map((d) => {
      const destination = { destination: { host: hostOf(d.version), subset: d.version } };
      return route.to.length > 1 ? { ...destination, weight: d.weight } : destination;
    });
    const rule: JsonObject = {};
    if (route.name !== undefined) rule['name'] = route.name;
    if (route.match !== undefined) rule['match'] = [...route.match];
    rule['route'] = destinations;
    return rule;
  });
}

const virtualService = (service: MeshService, ctx: PlanContext, http: JsonObject[]): Generated =>
  generated(ctx, 'VirtualService', forService(service, service.name), { hosts: [localHost(service)], http });

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
  return virtualService(
    service,
    ctx,
    httpRoutes(routes, (v) => (local(v) ? localHost(service) : global)),
  );
}

/** Current: when there are routes or remote versions; every destination goes through the global host. */
export function currentVirtualService(service: MeshService, ctx: PlanContext): Generated | undefined {
  const here = ctx.cluster.name;
  if (!service.routes && remoteVersions(service, here).length === 0) return undefined;
  const global = globalHost(service, ctx.spec.globalSuffix);
  return virtualService(
    service,
    ctx,
    httpRoutes(effectiveRoutes(service, here), () => global),
  );
}
