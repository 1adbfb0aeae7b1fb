/**
 * A cluster whose gateway other clusters route through must have an address they can reach. The schema makes
 * gateway.address required, so "no address" here means one that cannot work from another cluster: blank, the
 * unspecified address (0.0.0.0, ::), a loopback or link-local address, `localhost`, or an address:port that
 * another cluster also gives (traffic meant for one cluster would land in the other).
 */
import { BlockList, isIP } from 'node:net';
import type { Result } from '../krm/result';
import type { Cluster, Mesh } from '../topology/model';
import type { LintInput } from './lint';

const UNREACHABLE: ReadonlyArray<readonly [string, number, 'ipv4' | 'ipv6', string]> = [
  ['0.0.0.0', 8, 'ipv4', 'the unspecified address'],
  ['::', 128, 'ipv6', 'the unspecified address'],
  ['127.0.0.0', 8, 'ipv4', 'a loopback address'],
  ['::1', 128, 'ipv6', 'a loopback address'],
  ['169.254.0.0', 16, 'ipv4', 'a link-local address'],
  ['fe80::', 10, 'ipv6', 'a link-local address'],
];

/** Why no other cluster can reach the address, or undefined. */
export function unreachableBecause(address: string): string | undefined {
  const trimmed = address.trim();
  if (trimmed === '') return 'blank';
  const family = isIP(trimmed);
  if (family === 0) return /^(?:.+\.)?localhost\.?$/i.test(trimmed) ? 'a loopback name' : undefined;
  const type = family === 4 ? 'ipv4' : 'ipv6';
  for (const [network, prefix, kind, what] of UNREACHABLE) {
    if (kind !== type) continue;
    const block = new BlockList();
    block.addSubnet(network, prefix, kind);
    if (block.check(trimmed, type)) return what;
  }
  return undefined;
}

/** What other clusters reach through each cluster's gateway: "cluster1 reaches default/reviews v2", by gateway cluster. */
function servedThrough(mesh: Mesh, emitted: (cluster: string) => boolean): Map<string, string[]> {
  const served = new Map<string, string[]>();
  for (const service of mesh.services) {
    for (const [version, clusters] of service.runsIn) {
      for (const gateway of clusters) {
        const callers = service.clients.filter((c) => c !== gateway && emitted(c));
        if (callers.length === 0) continue;
        const line = `${callers.join(', ')} ${callers.length > 1 ? 'reach' : 'reaches'} ${service.namespace}/${service.name} ${version}`;
        served.set(gateway, [...(served.get(gateway) ?? []), line]);
      }
    }
  }
  return served;
}

const endpoint = (c: Cluster): string => `${c.gatewayAddress.trim().toLowerCase().replace(/\.$/, '')}:${c.gatewayPort}`;

const summary = (lines: readonly string[]): string => (lines.length > 3 ? `${lines.slice(0, 3).join('; ')}; and ${lines.length - 3} more` : lines.join('; '));

export function gatewayAddresses({ mesh, spec }: LintInput): Result[] {
  const emitted = (cluster: string): boolean => spec.targetCluster === undefined || spec.targetCluster === cluster;
  const served = servedThrough(mesh, emitted);
  const results: Result[] = [];
  mesh.clusters.forEach((cluster, i) => {
    const field = `spec.clusters[${i}].gateway.address`;
    const quoted = JSON.stringify(cluster.gatewayAddress);
    const uses = served.get(cluster.name);
    const because = unreachableBecause(cluster.gatewayAddress);
    if (uses && because !== undefined) {
      const message = `${field}: ${quoted} is ${because}, which no other cluster can reach, yet ${summary(uses)} through the gateway of ${cluster.name}; set it to the address of ${cluster.name}'s east-west gateway as the other clusters reach it (its load balancer's IP address or DNS name)`;
      results.push({ severity: 'error', code: 'unusable-gateway-address', message, field });
      return;
    }
    const j = mesh.clusters.findIndex((other) => endpoint(other) === endpoint(cluster));
    const other = mesh.clusters[j];
    if (!other || j >= i || because !== undefined) return;
    const both = [...(served.get(other.name) ?? []), ...(uses ?? [])];
    if (both.length === 0) return;
    const message = `${field}: ${quoted} port ${cluster.gatewayPort} is also the gateway of ${other.name} (spec.clusters[${j}]), so traffic meant for one of the two clusters lands in whichever one the address reaches (${summary(both)}); give each cluster the address of its own east-west gateway`;
    results.push({ severity: 'error', code: 'unusable-gateway-address', message, field });
  });
  return results;
}
