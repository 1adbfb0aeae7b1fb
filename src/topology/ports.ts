/** Service ports → mesh ports, with Istio's protocol selection (appProtocol, else the port-name prefix); a Service manifest's ports, checked. */
import { portProblems } from '../config/portRules';
import type { PortSpec } from '../config/portRules';
import type { Json, JsonObject } from '../krm/yamlNodes';
import { quote } from '../util';
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

export const toServicePort = (p: PortSpec): ServicePort => ({
  name: p.name ?? `port-${p.port}`,
  number: p.port,
  protocol: istioProtocol(p.name, p.appProtocol, p.protocol),
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
