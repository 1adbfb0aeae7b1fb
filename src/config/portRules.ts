/**
 * The rules a list of Service ports must meet to become Istio resources: a ServiceEntry takes each port number
 * once, and its endpoints and WorkloadEntries key the gateway's ports by name. For a Service manifest's ports and
 * for the ports of a remoteWorkloads fact alike.
 */
import { quote } from '../util';
import { DNS_LABEL } from './fields';

/** A port as a Service (or a fact) gives it. */
export interface PortSpec {
  readonly name?: string | undefined;
  readonly port: number;
  readonly protocol?: string | undefined;
  readonly appProtocol?: string | undefined;
  /** A Service manifest's `targetPort`: a number, or the name of a container port. */
  readonly targetPort?: number | string | undefined;
}

/**
 * Kubernetes' syntax for a Service port name (a DNS label), no longer than Istio takes: ServiceEntry endpoints and
 * WorkloadEntries key the gateway's ports by name, and their CRDs want names under 63 characters.
 */
const MAX_PORT_NAME = 62;

/** One thing Istio (or Kubernetes) refuses in a list of ports: the entry, its field and why. */
export interface PortProblem {
  readonly index: number;
  readonly key: 'name' | 'port';
  readonly message: string;
}

function nameProblem(p: PortSpec, count: number): string | undefined {
  if (p.name === undefined)
    return count > 1
      ? `is missing: a Service with ${count} ports needs a name on each (Kubernetes requires it, Istio keys the gateway's ports by it); name it, e.g. "tcp-${p.port}" or "http-${p.port}"`
      : undefined;
  if (p.name.length > MAX_PORT_NAME || !DNS_LABEL.test(p.name))
    return `${quote(p.name)} is not a valid port name: lowercase letters, digits and "-", starting and ending with a letter or digit (Kubernetes' rule), at most ${MAX_PORT_NAME} characters (Istio's); rename the port`;
  return undefined;
}

/**
 * What Istio's ServiceEntry and WorkloadEntry (and Kubernetes) refuse in a list of ports; empty when they take it.
 * `list` is the list's field path, for messages that point at another entry.
 */
export function portProblems(ports: readonly PortSpec[], list = 'ports'): PortProblem[] {
  const problems: PortProblem[] = [];
  const firstName = new Map<string, number>();
  const firstNumber = new Map<number, number>();
  ports.forEach((p, i) => {
    const badName = nameProblem(p, ports.length);
    if (badName !== undefined) problems.push({ index: i, key: 'name', message: badName });
    const sameName = p.name === undefined ? undefined : firstName.get(p.name);
    if (sameName !== undefined)
      problems.push({ index: i, key: 'name', message: `${quote(p.name)} is also the name of ${list}[${sameName}]; give each port its own name` });
    else if (p.name !== undefined) firstName.set(p.name, i);
    const sameNumber = firstNumber.get(p.port);
    if (sameNumber === undefined) firstNumber.set(p.port, i);
    else {
      const other = ports[sameNumber];
      const protocols = other && (other.protocol ?? 'TCP') !== (p.protocol ?? 'TCP') ? ` (${other.protocol ?? 'TCP'} there, ${p.protocol ?? 'TCP'} here)` : '';
      const message = `${p.port} is also the number of ${list}[${sameNumber}]${protocols}; Istio's ServiceEntry takes each port number once, so keep one of the two`;
      problems.push({ index: i, key: 'port', message });
    }
  });
  return problems;
}
