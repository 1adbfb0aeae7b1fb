/**
 * Checks every golden output must pass: Istio's CRD schemas for the resource's apiVersion (through
 * @kubernetes-models/istio's validate()), the CRDs' CEL rules that matter here (written out below, since
 * validate() does not run CEL), and the cross-check that every VirtualService subset exists in a
 * DestinationRule of the same cluster.
 */
import * as v1 from '@kubernetes-models/istio/networking.istio.io/v1/index';
import * as v1alpha3 from '@kubernetes-models/istio/networking.istio.io/v1alpha3/index';
import * as v1beta1 from '@kubernetes-models/istio/networking.istio.io/v1beta1/index';

type Obj = Record<string, unknown>;
type Model = new (data: Obj) => { validate(): void };

const MODELS: Record<string, Record<string, unknown>> = {
  'networking.istio.io/v1': v1,
  'networking.istio.io/v1beta1': v1beta1,
  'networking.istio.io/v1alpha3': v1alpha3,
};

const PORT_NAME = /^[a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?$/;

const SECTIONS = ['http', 'tcp', 'tls'] as const;

/**
 * What Istio's webhook refuses in a VirtualService (pkg/config/validation/validation.go ValidateVirtualService,
 * validateTCPRoute, validateTLSRoute, validateTLSMatch, validateSniHost): no section at all, a rule without route,
 * weights of several destinations that do not total 100, a TLS match without SNI hosts or with one that is not a
 * host of the VirtualService.
 */
function virtualServiceProblems(spec: Obj): string[] {
  const problems: string[] = [];
  if (SECTIONS.every((s) => ((spec[s] ?? []) as Obj[]).length === 0)) problems.push('http, tcp or tls must be provided in virtual service');
  for (const section of SECTIONS) {
    ((spec[section] ?? []) as Obj[]).forEach((rule, i) => {
      const route = (rule['route'] ?? []) as Obj[];
      const total = route.reduce((sum, d) => sum + ((d['weight'] as number | undefined) ?? 0), 0);
      if (route.length === 0) problems.push(`${section}[${i}]: route is required`);
      if (route.length > 1 && total !== 100) problems.push(`${section}[${i}]: weights total ${total}, Istio's webhook requires 100`);
      if (section !== 'tls') return;
      const matches = (rule['match'] ?? []) as Obj[];
      if (matches.length === 0) problems.push(`tls[${i}]: TLS route must have at least one match condition`);
      for (const m of matches) {
        const sni = (m['sniHosts'] ?? []) as string[];
        if (sni.length === 0) problems.push(`tls[${i}]: TLS match must have at least one SNI host`);
        for (const host of sni)
          if (!(spec['hosts'] as string[]).includes(host)) problems.push(`tls[${i}]: SNI host ${host} is not a host of the VirtualService`);
      }
    });
  }
  return problems;
}

function celProblems(r: Obj): string[] {
  const spec = (r['spec'] ?? {}) as Obj;
  const problems: string[] = [];
  const portKeys = (ports: unknown, where: string): void => {
    for (const key of Object.keys((ports ?? {}) as Obj))
      if (key.length >= 63 || !PORT_NAME.test(key)) problems.push(`${where}: port name ${key} must be valid`);
  };
  if (r['kind'] === 'ServiceEntry') {
    if (spec['workloadSelector'] && spec['endpoints']) problems.push('only one of WorkloadSelector or Endpoints can be set');
    const addresses = (spec['addresses'] ?? []) as string[];
    if (addresses.some((a) => a.includes('/')) && !['NONE', 'STATIC', undefined].includes(spec['resolution'] as string))
      problems.push('CIDR addresses only for NONE/STATIC');
    const numbers = ((spec['ports'] ?? []) as Obj[]).map((p) => p['number']);
    if (new Set(numbers).size !== numbers.length) problems.push('port number cannot be duplicated');
    ((spec['endpoints'] ?? []) as Obj[]).forEach((e, i) => portKeys(e['ports'], `endpoints[${i}]`));
  }
  if (r['kind'] === 'WorkloadEntry') {
    if (!spec['address'] && !spec['network']) problems.push('Address is required');
    portKeys(spec['ports'], 'spec.ports');
  }
  if (r['kind'] === 'VirtualService') problems.push(...virtualServiceProblems(spec));
  if (r['kind'] === 'DestinationRule') {
    const names = ((spec['subsets'] ?? []) as Obj[]).map((s) => s['name']);
    if (new Set(names).size !== names.length) problems.push('duplicate subset names');
  }
  return problems;
}

/**
 * The resource with every `__proto__` key renamed, for the models: their constructors copy the data with plain
 * assignments, which turn a `__proto__` key (a header named so) into the prototype of the copy. Renaming keeps the
 * check honest: every such key sits in a map whose keys the schemas do not constrain.
 */
function withoutProtoKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutProtoKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key === '__proto__' ? '__proto__renamed' : key, withoutProtoKeys(entry)]));
}

/** Schema and CEL problems of one Istio resource; empty when it is valid. */
export function istioProblems(resource: Obj): string[] {
  const apiVersion = resource['apiVersion'] as string;
  const kind = resource['kind'] as string;
  const models = MODELS[apiVersion];
  if (!models) return [`unknown Istio apiVersion ${apiVersion}`];
  const Model = models[kind] as Model | undefined;
  if (!Model) return [`${kind} is not served at ${apiVersion}`];
  const problems = celProblems(resource);
  try {
    new Model(withoutProtoKeys(resource) as Obj).validate();
  } catch (error) {
    problems.push((error as Error).message);
  }
  return problems;
}

const clusterOf = (r: Obj): string => ((r['metadata'] as Obj)['annotations'] as Obj)['multicluster-routes.dev/cluster'] as string;

/** VirtualService destinations whose subset no DestinationRule of the same cluster defines for that host. */
export function missingSubsets(generated: readonly Obj[]): string[] {
  const subsets = new Set<string>();
  for (const r of generated) {
    if (r['kind'] !== 'DestinationRule') continue;
    const spec = r['spec'] as Obj;
    for (const s of (spec['subsets'] ?? []) as Obj[]) subsets.add(`${clusterOf(r)}|${spec['host'] as string}|${s['name'] as string}`);
  }
  const missing: string[] = [];
  for (const r of generated) {
    if (r['kind'] !== 'VirtualService') continue;
    for (const rule of SECTIONS.flatMap((s) => ((r['spec'] as Obj)[s] ?? []) as Obj[])) {
      for (const d of (rule['route'] ?? []) as Obj[]) {
        const { host, subset } = d['destination'] as { host: string; subset?: string };
        if (subset !== undefined && !subsets.has(`${clusterOf(r)}|${host}|${subset}`)) missing.push(`${clusterOf(r)}: ${host} subset ${subset}`);
      }
    }
  }
  return missing;
}
