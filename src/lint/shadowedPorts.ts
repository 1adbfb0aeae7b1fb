/**
 * A pod whose container port is named like a port of the global host, but is not the port Kubernetes sends that
 * Service port to. Istio gives a pod selected by a ServiceEntry the container port named like the ServiceEntry port
 * before the port's targetPort (pilot/pkg/serviceregistry/serviceentry/conversion.go,
 * convertWorkloadInstanceToServiceInstance; named TCP ports, the first of a name wins: kube/controller/pod.go,
 * getPortMap), where Kubernetes follows the Service's targetPort. Such a pod would get the traffic on another port.
 */
import type { Result } from '../krm/result';
import type { Json, JsonObject } from '../krm/yamlNodes';
import type { Generated } from '../planners/generated';
import { describe, where } from '../topology/inventory';
import type { MeshService, Workload } from '../topology/model';
import { globalHost } from '../topology/model';
import type { LintInput } from './lint';

const isMap = (v: Json | undefined): v is JsonObject => v !== null && v !== undefined && typeof v === 'object' && !Array.isArray(v);
const list = (v: Json | undefined): Json[] => (Array.isArray(v) ? v : []);

/** getPortMap: the named TCP ports of the containers and of the native sidecars (restartPolicy Always). */
function namedPorts(workload: Workload): Map<string, number> {
  const pod = workload.item?.value['spec'];
  const template = isMap(pod) && isMap(pod['template']) ? pod['template']['spec'] : undefined;
  const spec = isMap(template) ? template : {};
  const containers = [...list(spec['containers']), ...list(spec['initContainers']).filter((c) => isMap(c) && c['restartPolicy'] === 'Always')];
  const out = new Map<string, number>();
  for (const c of containers)
    for (const p of isMap(c) ? list(c['ports']) : []) {
      if (!isMap(p) || typeof p['name'] !== 'string' || typeof p['containerPort'] !== 'number' || (p['protocol'] ?? 'TCP') !== 'TCP') continue;
      if (!out.has(p['name'])) out.set(p['name'], p['containerPort']);
    }
  return out;
}

function check(service: MeshService, entry: Generated, suffix: string): Result[] {
  const local = service.portsIn.get(entry.cluster) ?? service.ports;
  const results: Result[] = [];
  for (const w of service.workloads) {
    if (w.item === undefined || w.cluster !== entry.cluster) continue;
    const named = namedPorts(w);
    for (const port of list((entry.body['spec'] as JsonObject)['ports'])) {
      if (!isMap(port) || typeof port['name'] !== 'string' || !named.has(port['name'])) continue;
      const target = local.find((p) => p.number === port['number'])?.targetPort ?? port['number'];
      const kubernetes = typeof target === 'string' ? named.get(target) : target;
      const istio = named.get(port['name']);
      if (kubernetes === undefined || istio === kubernetes) continue;
      const message = `${describe(w.item)} has a container port named ${JSON.stringify(port['name'])} (${istio}), and Istio gives a pod the container port named like the ServiceEntry port (${port['name']}, port ${String(port['number'])} of ${globalHost(service, suffix)}) before its targetPort, so this pod would get that traffic on ${istio} where Kubernetes sends it to ${String(kubernetes)}; rename that container port or the Service port, so that the two names differ`;
      results.push({ severity: 'error', code: 'shadowed-target-port', message, field: 'spec.template.spec.containers', ...where(w.item) });
    }
  }
  return results;
}

export function shadowedPorts({ mesh, spec, generated }: LintInput): Result[] {
  if (spec.profile !== 'current') return [];
  const byName = new Map(mesh.services.map((s) => [`${s.namespace}/${s.name}`, s]));
  return generated
    .filter((g) => g.kind === 'ServiceEntry')
    .flatMap((g) => {
      const service = byName.get(`${g.namespace}/${g.service}`);
      return service ? check(service, g, spec.globalSuffix) : [];
    });
}
