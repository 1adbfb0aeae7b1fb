/**
 * A policy that steers by locality (distribute, region failover) while some cluster that runs the service has no
 * locality: its WorkloadEntries carry none, and istiod drops endpoints that match no `distribute` locality
 * (pilot/pkg/networking/core/loadbalancer/loadbalancer.go, applyLocalityWeights), so that cluster gets no traffic.
 */
import type { Result } from '../krm/result';
import type { LintInput } from './lint';
import { policyLevels, policyOrigin } from './policyOrigin';

export function localityMissing({ mesh, spec, entries }: LintInput): Result[] {
  const results: Result[] = [];
  const lacking = new Set(mesh.clusters.filter((c) => c.locality === undefined).map((c) => c.name));
  if (lacking.size === 0) return results;
  for (const service of mesh.services) {
    if (!service.trafficPolicy) continue;
    const byLocality = policyLevels(service.trafficPolicy.fields).some(
      (l) => l.locality?.['distribute'] !== undefined || l.locality?.['failover'] !== undefined,
    );
    if (!byLocality) continue;
    const running = new Set(service.workloads.map((w) => w.cluster));
    const missing = [...lacking].filter((c) => running.has(c));
    if (missing.length === 0) continue;
    const origin = policyOrigin(service, entries, spec);
    const message = `traffic policy of service ${service.namespace}/${service.name} steers traffic by locality, but cluster ${missing.join(', ')} runs it and has no locality, so its endpoints would match no locality of the policy; set spec.clusters[].locality for ${missing.join(', ')}`;
    results.push({ severity: 'error', code: 'locality-missing', message, field: origin.field, ...origin.at });
  }
  return results;
}
