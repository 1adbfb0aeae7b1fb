/**
 * Routes a service's ports cannot carry out. On a service whose every port carries TCP or TLS, a match on an HTTP
 * condition (a header, the URI…) can never be met; on any service, a TCP or TLS port that no rule reaches would
 * keep its connections on the local endpoints, never routed by the rules.
 */
import type { Result } from '../krm/result';
import type { Route, ServicePort } from './model';
import { httpOnlyConditions, portRules } from './portRoutes';
import { carriesHttp, trafficOf } from './ports';

export interface RoutesOrigin {
  readonly service: string;
  readonly field: string;
  readonly at: Pick<Result, 'resourceRef' | 'file'>;
}

const describePort = (p: ServicePort): string => `${p.name} (${p.number}, ${p.protocol ?? 'sniffed'})`;
const ruleName = (route: Route, i: number): string => `rule ${i}${route.name === undefined ? '' : ` (${route.name})`}`;

function httpMatchesOnTcp(origin: RoutesOrigin, ports: readonly ServicePort[], routes: readonly Route[]): Result[] {
  const portList = ports.map(describePort).join(', ');
  return routes.flatMap((route, i) =>
    (route.match ?? []).flatMap((match, j) => {
      const conditions = httpOnlyConditions(match);
      if (conditions.length === 0) return [];
      const message = `routes of service ${origin.service}: ${ruleName(route, i)} match[${j}] tests ${conditions.join(', ')}, which only an HTTP request carries, but every port of the service carries TCP or TLS (${portList}), and Istio routes a connection by port and source only; drop ${conditions.length > 1 ? 'these conditions' : 'this condition'}, or, if the port carries HTTP, name it http-… or set its appProtocol: http`;
      return [{ severity: 'error' as const, code: 'http-match-on-tcp', message, field: origin.field, ...origin.at }];
    }),
  );
}

function unroutedPorts(origin: RoutesOrigin, ports: readonly ServicePort[], routes: readonly Route[]): Result[] {
  return ports
    .filter((p) => ['tcp', 'tls'].includes(trafficOf(p)) && portRules(routes, p.number).length === 0)
    .map((p) => {
      const message = `routes of service ${origin.service}: no rule routes connections to port ${describePort(p)}: every rule tests an HTTP condition (or another port), which a connection never meets, so they would stay on the local endpoints; add a last rule without match for them, such as {to: ${routes.at(-1)?.to[0]?.version ?? 'v1'}}`;
      return { severity: 'error' as const, code: 'unrouted-port', message, field: origin.field, ...origin.at };
    });
}

export function checkPortRoutes(origin: RoutesOrigin, ports: readonly ServicePort[] | undefined, routes: readonly Route[]): Result[] {
  if (ports === undefined || ports.length === 0) return [];
  const httpOnRawTcp = ports.some(carriesHttp) ? [] : httpMatchesOnTcp(origin, ports, routes);
  return httpOnRawTcp.length > 0 ? httpOnRawTcp : unroutedPorts(origin, ports, routes);
}
