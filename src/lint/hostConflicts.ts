/**
 * A VirtualService or DestinationRule written by hand for a host whose Istio config the function generates in the
 * same cluster: Istio merges or shadows two such resources unpredictably (istioctl analyze IST0109 for
 * VirtualServices). Hosts count in every form Istio resolves to the same service: `S`, `S.N`, `S.N.svc`,
 * `S.N.svc.cluster.local`, and the global host.
 */
import type { Result } from '../krm/result';
import type { Json } from '../krm/yamlNodes';
import { ANNOTATION_ROUTES, ISTIO_GROUP } from '../names';
import type { Generated } from '../planners/generated';
import type { Entry } from '../topology/inventory';
import { describe, where } from '../topology/inventory';
import { globalHost, localHost } from '../topology/model';
import type { LintInput } from './lint';

interface Target {
  readonly service: string;
  readonly generated: Generated[];
}

/** A host as Istio reads it in a resource of this namespace: short names are completed with the namespace. */
export function fullHost(host: string, namespace: string): string {
  const h = host.trim().toLowerCase().replace(/\.$/, '');
  const dots = h.split('.').length - 1;
  if (dots === 0) return `${h}.${namespace}.svc.cluster.local`;
  if (dots === 1) return `${h}.svc.cluster.local`;
  return h.endsWith('.svc') ? `${h}.cluster.local` : h;
}

/** cluster → full host → the service it belongs to and what is generated for it there. */
function targets(generated: readonly Generated[], suffix: string): Map<string, Map<string, Target>> {
  const out = new Map<string, Map<string, Target>>();
  for (const g of generated) {
    if (g.kind === 'Gateway') continue;
    const hosts = out.get(g.cluster) ?? new Map<string, Target>();
    out.set(g.cluster, hosts);
    const id = { name: g.service, namespace: g.namespace };
    for (const host of [localHost(id), globalHost(id, suffix)]) {
      const target = hosts.get(host) ?? { service: `${g.namespace}/${g.service}`, generated: [] };
      target.generated.push(g);
      hosts.set(host, target);
    }
  }
  return out;
}

/** The resource's hosts with their field paths; a VirtualService bound only to gateways routes no mesh traffic. */
function hostsOf(entry: Entry): Array<{ host: string; field: string }> {
  const spec = entry.item.value['spec'];
  const s: Record<string, Json> = spec !== null && typeof spec === 'object' && !Array.isArray(spec) ? spec : {};
  if (entry.item.kind === 'DestinationRule') return typeof s['host'] === 'string' ? [{ host: s['host'], field: 'spec.host' }] : [];
  const gateways = s['gateways'];
  if (Array.isArray(gateways) && gateways.length > 0 && !gateways.includes('mesh')) return [];
  const hosts = Array.isArray(s['hosts']) ? s['hosts'] : [];
  return hosts.flatMap((h, i) => (typeof h === 'string' ? [{ host: h, field: `spec.hosts[${i}]` }] : []));
}

const isUserIstioConfig = (e: Entry): boolean =>
  e.role === 'other' &&
  e.cluster !== undefined &&
  e.item.apiVersion.startsWith(`${ISTIO_GROUP}/`) &&
  ['VirtualService', 'DestinationRule'].includes(e.item.kind);

const FIX: Readonly<Record<string, (service: string) => string>> = {
  VirtualService: (service) =>
    `Istio merges or shadows two VirtualServices for one host unpredictably (istioctl analyze IST0109); move its rules into the ${ANNOTATION_ROUTES} annotation of Service ${service} and delete it, or stop exporting ${service}`,
  DestinationRule: (service) =>
    `Istio merges two DestinationRules for one host only in part and may drop this one's subsets or traffic policy; delete it (spec.tlsMode sets the TLS mode of the generated ones), or stop exporting ${service}`,
};

export function hostConflicts({ spec, entries, generated }: LintInput): Result[] {
  const userConfig = entries.filter(isUserIstioConfig);
  if (userConfig.length === 0) return [];
  const byCluster = targets(generated, spec.globalSuffix);
  const results: Result[] = [];
  for (const entry of userConfig) {
    const cluster = entry.cluster as string;
    const hosts = byCluster.get(cluster);
    const hit = hostsOf(entry)
      .map((h) => ({ ...h, target: hosts?.get(fullHost(h.host, entry.namespace)) }))
      .find((h) => h.target !== undefined);
    const target = hit?.target;
    if (!hit || !target) continue;
    // Same kind, namespace and name as a generated resource: merge reports that collision; say nothing more.
    if (target.generated.some((g) => g.kind === entry.item.kind && g.namespace === entry.namespace && g.name === entry.item.name)) continue;
    const routing = target.generated.filter((g) => g.kind === 'VirtualService' || g.kind === 'DestinationRule');
    const names = (routing.length > 0 ? routing : target.generated).map((g) => `${g.kind} ${g.namespace}/${g.name}`).join(', ');
    const message = `${describe(entry.item)} in cluster ${cluster} is for host ${JSON.stringify(hit.host)}, a host of exported service ${target.service}, whose Istio config the function generates there (${names}); ${FIX[entry.item.kind]?.(target.service) ?? ''}`;
    results.push({ severity: 'error', code: 'host-conflict', message, field: hit.field, ...where(entry.item) });
  }
  return results;
}
