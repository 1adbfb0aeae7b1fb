/**
 * The ports of one cluster's copy of an exported Service. Every copy must give the global host the same ports: a
 * client picks the remote version by the SNI `outbound_.<port>_.<subset>_.<host>`, and the remote gateway finds it by
 * the port number of its own cluster's ServiceEntry (pilot/pkg/networking/core/gateway.go,
 * builtAutoPassthroughFilterChains). Where the pods listen (targetPort) is each cluster's own.
 */
import type { Result } from '../krm/result';
import type { Draft } from './buildMesh';
import type { Entry } from './inventory';
import { describe, where } from './inventory';
import type { ServicePort } from './model';

const listed = (ports: readonly ServicePort[]): string =>
  ports
    .map((p) => `${p.name}:${p.number}`)
    .sort()
    .join(', ');

export function addCopyPorts(draft: Draft, entry: Entry, ports: readonly ServicePort[], results: Result[]): void {
  if (entry.cluster !== undefined && !draft.portsIn.has(entry.cluster)) draft.portsIn.set(entry.cluster, ports);
  const first = draft.ports;
  if (first === undefined) {
    draft.ports = [...ports];
    return;
  }
  const ours = listed(ports);
  const theirs = listed(first);
  if (ours === theirs) return;
  // The first cluster with ports is the one whose copy gave the global host its ports.
  const other = [...draft.portsIn.keys()][0];
  const message = `exported ${describe(entry.item)} in cluster ${entry.cluster ?? '?'} has the ports ${ours}, but its copy in cluster ${other ?? '?'} has ${theirs}; the global host has one set of ports in every cluster (clients name the port in the SNI the other cluster's gateway routes by), so give every copy the same port names and numbers (targetPort may differ)`;
  results.push({ severity: 'error', code: 'invalid-service', message, field: 'spec.ports', ...where(entry.item) });
}
