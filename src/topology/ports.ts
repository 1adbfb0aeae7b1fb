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
  // Istio takes a target port of 0 for the port's own number (conversion.go, convertWorkloadInstanceToServiceInstance).
  targetPort: p.targetPort === p.port ? undefined : p.targetPort,
});

export type ReadPorts = { readonly ports: ServicePort[] } | { readonly problems: ReadonlyArray<{ readonly field: string; readonly message: string }> };

const isMap = (v: Json | undefined): v is JsonObject => v !== null && v !== undefined && typeof v === 'object' && !Array.isArray(v);
const text = (v: Json | undefined): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

const isPortNumber = (v: Json | undefined): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 65535;
/** Kubernetes' IANA_SVC_NAME: what a named targetPort (a container port's name) must be. */
const isPortName = (v: string): boolean => v.length <= 15 && /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/.test(v) && /[a-z]/.test(v) && !v.includes('--');

/** `targetPort` as Kubernetes takes it (an IntOrString), or why it is not. */
function readTargetPort(value: Json | undefined): number | string | undefined | { message: string } {
  if (value === undefined || value === null) return undefined;
  if (isPortNumber(value) || (typeof value === 'string' && isPortName(value))) return value;
  return {
    message: `${quote(value)} is neither a port number (an integer from 1 to 65535) nor a container port's name (at most 15 lowercase letters, digits and single "-", with a letter); write the port the pods listen on`,
  };
}

/** One entry of `spec.ports` as a port, or why it is none. */
function readPort(entry: Json, i: number): PortSpec | { field: string; message: string } {
  const field = `spec.ports[${i}]`;
  if (!isMap(entry)) return { field, message: 'is not a port; write it as {name: http, port: 80}' };
  const { name, port, protocol, appProtocol } = entry;
  if (!isPortNumber(port))
    return { field: `${field}.port`, message: `${port === undefined ? 'is missing' : `${quote(port)} is not a port number`}; give an integer from 1 to 65535` };
  if (name !== undefined && name !== null && typeof name !== 'string')
    return { field: `${field}.name`, message: `${quote(name)} is not a port name; write it as a string` };
  const targetPort = readTargetPort(entry['targetPort']);
  if (typeof targetPort === 'object') return { field: `${field}.targetPort`, message: targetPort.message };
  return { name: text(name), port, protocol: text(protocol), appProtocol: text(appProtocol), targetPort };
}

/**
 * A named target port becomes the name of the global host's port (see planners/hostPorts), so it must not be the
 * name another port of the ServiceEntry takes.
 */
function targetNameProblems(ports: readonly ServicePort[]): Array<{ field: string; message: string }> {
  const out: Array<{ field: string; message: string }> = [];
  const names = ports.map((p) => (typeof p.targetPort === 'string' ? p.targetPort : p.name));
  names.forEach((name, i) => {
    const j = names.findIndex((other, k) => k !== i && other === name);
    if (j < 0 || typeof ports[i]?.targetPort !== 'string') return;
    const message = `${quote(name)} names a container port that spec.ports[${j}] also takes as its name or targetPort; Istio finds a pod's port for a ServiceEntry port by the ServiceEntry port's name, so the global host's port for this one is named ${quote(name)} and would be named twice; give one of the two a numeric targetPort`;
    out.push({ field: `spec.ports[${i}].targetPort`, message });
  });
  return out;
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
  if (problems.length > 0) return { problems };
  const ports = specs.map(toServicePort);
  const clashes = targetNameProblems(ports);
  return clashes.length > 0 ? { problems: clashes } : { ports };
}
