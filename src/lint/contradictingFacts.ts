/**
 * `remoteWorkloads` facts that the manifests in the input contradict. Where the input holds workloads of a service
 * in a cluster, those manifests are the truth about that cluster: a fact naming a version none of them runs, or a
 * service account none of that version's runs as, is stale. A fact's ports must be the Service's, where the input
 * holds the Service.
 */
import type { RemoteWorkload } from '../config/schema';
import type { Result } from '../krm/result';
import { TOOL } from '../names';
import { describe } from '../topology/inventory';
import type { MeshService, Workload } from '../topology/model';
import { toServicePort } from '../topology/ports';
import type { LintInput } from './lint';

const portList = (ports: ReadonlyArray<{ name: string; number: number }>): string =>
  ports
    .map((p) => `${p.name}:${p.number}`)
    .sort()
    .join(', ');

const REGENERATE = `correct the fact, or regenerate the list with \`${TOOL} facts\``;

function versionAndAccount(fact: RemoteWorkload, field: string, manifests: readonly Workload[]): Result | undefined {
  const what = `${fact.namespace}/${fact.service} in cluster ${fact.cluster}`;
  const listed = manifests.map((w) => `${w.item ? describe(w.item) : '?'} (version ${w.version})`).join(', ');
  const same = manifests.filter((w) => w.version === fact.version);
  if (same.length === 0) {
    const message = `${field}.version: the fact says ${what} runs version ${JSON.stringify(fact.version)}, but the input holds that cluster's workloads of the service, ${listed}, and none of them is version ${fact.version}; drop the fact (the manifests describe ${fact.cluster}), or ${REGENERATE}`;
    return { severity: 'error', code: 'contradicting-fact', message, field: `${field}.version` };
  }
  const account = fact.serviceAccount;
  if (account === undefined || same.some((w) => w.serviceAccount === account)) return undefined;
  const runs = same.map((w) => `${w.item ? describe(w.item) : '?'} runs as ${JSON.stringify(w.serviceAccount)}`).join(', ');
  const message = `${field}.serviceAccount: the fact says version ${fact.version} of ${what} runs as ${JSON.stringify(account)}, but ${runs}; ${REGENERATE}`;
  return { severity: 'error', code: 'contradicting-fact', message, field: `${field}.serviceAccount` };
}

function ports(fact: RemoteWorkload, field: string, service: MeshService): Result | undefined {
  if (fact.ports === undefined || service.manifestClusters.size === 0) return undefined;
  const theirs = portList(fact.ports.map(toServicePort));
  const ours = portList(service.ports);
  if (theirs === ours) return undefined;
  const message = `${field}.ports: the fact gives ${fact.namespace}/${fact.service} the ports ${theirs}, but Service ${fact.namespace}/${fact.service} in the input has ${ours}, and the generated resources use the Service's; make the fact's ports the Service's (name:port), or drop them`;
  return { severity: 'error', code: 'contradicting-fact', message, field: `${field}.ports` };
}

export function contradictingFacts({ mesh, spec }: LintInput): Result[] {
  const results: Result[] = [];
  spec.remoteWorkloads.forEach((fact, i) => {
    const service = mesh.services.find((s) => s.namespace === fact.namespace && s.name === fact.service);
    if (!service) return;
    const field = `spec.remoteWorkloads[${i}]`;
    const manifests = service.workloads.filter((w) => w.item !== undefined && w.cluster === fact.cluster);
    const found = [manifests.length > 0 ? versionAndAccount(fact, field, manifests) : undefined, ports(fact, field, service)];
    results.push(...found.filter((r): r is Result => r !== undefined));
  });
  return results;
}
