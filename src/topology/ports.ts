/** Service ports → mesh ports, with Istio's protocol selection (appProtocol, else the port-name prefix). */
import type { Json } from '../krm/yamlNodes';
import type { ServicePort } from './model';

const ISTIO_PROTOCOLS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    http: 'HTTP',
    http2: 'HTTP2',
    https: 'HTTPS',
    grpc: 'GRPC',
    'grpc-web': 'GRPC-Web',
    tcp: 'TCP',
    tls: 'TLS',
    mongo: 'Mongo',
    mysql: 'MySQL',
    redis: 'Redis',
    udp: 'UDP',
    'kubernetes.io/h2c': 'HTTP2',
    'kubernetes.io/ws': 'HTTP',
    'kubernetes.io/wss': 'HTTPS',
  }),
);

function istioProtocol(name: string | undefined, appProtocol: string | undefined, serviceProtocol: string | undefined): string | undefined {
  if (appProtocol !== undefined) {
    const fromApp = ISTIO_PROTOCOLS.get(appProtocol.toLowerCase());
    if (fromApp) return fromApp;
  }
  if (name !== undefined) {
    const lower = name.toLowerCase();
    const fromName = ISTIO_PROTOCOLS.get(lower) ?? (lower.startsWith('grpc-web') ? 'GRPC-Web' : ISTIO_PROTOCOLS.get(lower.split('-')[0] ?? ''));
    if (fromName) return fromName;
  }
  return serviceProtocol === 'UDP' ? 'UDP' : undefined;
}

export interface PortSpec {
  readonly name?: string | undefined;
  readonly port: number;
  readonly protocol?: string | undefined;
  readonly appProtocol?: string | undefined;
}

export const toServicePort = (p: PortSpec): ServicePort => ({
  name: p.name ?? `port-${p.port}`,
  number: p.port,
  protocol: istioProtocol(p.name, p.appProtocol, p.protocol),
  serviceProtocol: p.protocol,
  appProtocol: p.appProtocol,
});

/** A Service manifest's `spec.ports`, or the index of the first entry that is not a usable port. */
export function readServicePorts(spec: Json): { ports: ServicePort[] } | { bad: number | 'missing' } {
  const list = spec !== null && typeof spec === 'object' && !Array.isArray(spec) ? spec['ports'] : undefined;
  if (!Array.isArray(list) || list.length === 0) return { bad: 'missing' };
  const ports: ServicePort[] = [];
  for (const [i, entry] of list.entries()) {
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) return { bad: i };
    const { name, port, protocol, appProtocol } = entry;
    if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) return { bad: i };
    const str = (v: Json | undefined): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
    ports.push(toServicePort({ name: str(name), port, protocol: str(protocol), appProtocol: str(appProtocol) }));
  }
  return { ports };
}
