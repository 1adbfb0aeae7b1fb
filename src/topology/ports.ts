/** Service ports → mesh ports, with Istio's protocol selection (appProtocol, else the port-name prefix); a Service manifest's ports, checked. */
import { portProblems } from '../config/portRules';
import type { PortSpec } from '../config/portRules';
import type { Json, JsonObject } from '../krm/yamlNodes';
import { quote } from '../util';
import type { ServicePort } from './model';

/** Istio's protocol names by their lowercase spelling (pkg/config/protocol/instance.go, Parse). */
const ISTIO_PROTOCOLS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    tcp: 'TCP',
    udp: 'UDP',
    grpc: 'GRPC',
    'grpc-web': 'GRPC-Web',
    http: 'HTTP',
    http_proxy: 'HTTP_PROXY',
    http2: 'HTTP2',
    https: 'HTTPS',
    tls: 'TLS',
    mongo: 'Mongo',
    redis: 'Redis',
    mysql: 'MySQL',
  }),
);

/** Kubernetes' own appProtocol names, taken only from appProtocol and only as written (ConvertProtocol). */
const KUBERNETES_APP_PROTOCOLS: ReadonlyMap<string, string> = new Map(
  Object.entries({ 'kubernetes.io/h2c': 'HTTP2', 'kubernetes.io/ws': 'HTTP', 'kubernetes.io/wss': 'HTTPS' }),
);

/** SMTP, DNS, MySQL, MongoDB: TCP when the name says nothing, since sniffing would break them (wellKnownPorts). */
const WELL_KNOWN_TCP_PORTS: ReadonlySet<number> = new Set([25, 53, 3306, 27017]);

/**
 * Istio's protocol for a Service port, as pkg/config/kube/conversion.go ConvertProtocol decides it: UDP is UDP;
 * appProtocol, when set, replaces the name (an unknown appProtocol is not made good by the name); a "grpc-web"
 * prefix, else the part before the first "-", read without regard to case. Undefined: Istio sniffs the protocol
 * ("auto"), as for an unnamed port or an unknown prefix, except on a well-known TCP port.
 */
function istioProtocol(port: number, name: string | undefined, appProtocol: string | undefined, serviceProtocol: string | undefined): string | undefined {
  if (serviceProtocol === 'UDP') return 'UDP';
  const kubernetes = appProtocol === undefined ? undefined : KUBERNETES_APP_PROTOCOLS.get(appProtocol);
  if (kubernetes !== undefined) return kubernetes;
  const lower = (appProtocol ?? name ?? '').toLowerCase();
  const prefix = lower.startsWith('grpc-web') ? 'grpc-web' : (lower.split('-', 1)[0] ?? '');
  return ISTIO_PROTOCOLS.get(prefix) ?? (WELL_KNOWN_TCP_PORTS.has(port) ? 'TCP' : undefined);
}

/** How a sidecar's outbound listener treats a port (pilot/pkg/networking/networking.go ModelProtocolToListenerProtocol). */
export type Traffic = 'http' | 'tcp' | 'tls' | 'auto' | 'none';

const HTTP_PROTOCOLS: ReadonlySet<string> = new Set(['HTTP', 'HTTP2', 'HTTP_PROXY', 'GRPC', 'GRPC-Web']);

/**
 * `http`: HTTP routes only; `tcp`: TCP routes only; `tls` (TLS, HTTPS): TLS routes, matched by SNI, only
 * (core/tls.go); `auto` (sniffed): HTTP routes for what the sidecar sees as HTTP, TCP routes for the rest;
 * `none` (UDP): the sidecar has no listener.
 */
export function trafficOf(port: ServicePort): Traffic {
  const { protocol } = port;
  if (protocol === undefined) return 'auto';
  if (HTTP_PROTOCOLS.has(protocol)) return 'http';
  if (protocol === 'TLS' || protocol === 'HTTPS') return 'tls';
  return protocol === 'UDP' ? 'none' : 'tcp';
}

/** HTTP routes can apply to the port: an HTTP or sniffed port (or a UDP one, where nothing applies and nothing else would either). */
export const carriesHttp = (port: ServicePort): boolean => ['http', 'auto', 'none'].includes(trafficOf(port));

/**
 * A sidecar's listener for a TCP, TLS or sniffed port binds the service's address, and 0.0.0.0 when it has none,
 * where it takes every connection to the port that no other listener takes (core/listener.go
 * buildSidecarOutboundListener); an HTTP listener binds 0.0.0.0 anyway and tells services apart by Host.
 */
export const bindsAddress = (port: ServicePort): boolean => ['tcp', 'tls', 'auto'].includes(trafficOf(port));

export const toServicePort = (p: PortSpec): ServicePort => ({
  name: p.name ?? `port-${p.port}`,
  number: p.port,
  protocol: istioProtocol(p.port, p.name, p.appProtocol, p.protocol),
  serviceProtocol: p.protocol,
  appProtocol: p.appProtocol,
});

export type ReadPorts = { readonly ports: ServicePort[] } | { readonly problems: ReadonlyArray<{ readonly field: string; readonly message: string }> };

const isMap = (v: Json | undefined): v is JsonObject => v !== null && v !== undefined && typeof v === 'object' && !Array.isArray(v);
const text = (v: Json | undefined): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** One entry of `spec.ports` as a port, or why it is none. */
function readPort(entry: Json, i: number): PortSpec | { field: string; message: string } {
  const field = `spec.ports[${i}]`;
  if (!isMap(entry)) return { field, message: 'is not a port; write it as {name: http, port: 80}' };
  const { name, port, protocol, appProtocol } = entry;
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535)
    return { field: `${field}.port`, message: `${port === undefined ? 'is missing' : `${quote(port)} is not a port number`}; give an integer from 1 to 65535` };
  if (name !== undefined && name !== null && typeof name !== 'string')
    return { field: `${field}.name`, message: `${quote(name)} is not a port name; write it as a string` };
  return { name: text(name), port, protocol: text(protocol), appProtocol: text(appProtocol) };
}

/** A Service manifest's `spec.ports` as mesh ports, or every problem Istio or Kubernetes would have with them. */
export function readServicePorts(spec: Json): ReadPorts {
  const list = isMap(spec) ? spec['ports'] : undefined;
  if (!Array.isArray(list) || list.length === 0)
    return { problems: [{ field: 'spec.ports', message: 'is not a list of ports; give the Service its ports, such as [{name: http, port: 80}]' }] };
  const read = list.map(readPort);
  const broken = read.filter((r): r is { field: string; message: string } => 'message' in r);
  if (broken.length > 0) return { problems: broken };
  const specs = read as PortSpec[];
  const problems = portProblems(specs, 'spec.ports').map((p) => ({ field: `spec.ports[${p.index}].${p.key}`, message: p.message }));
  return problems.length > 0 ? { problems } : { ports: specs.map(toServicePort) };
}
