/**
 * A failover setting without outlier detection: istiod applies `failover` and `failoverPriority` only to a cluster
 * with outlier detection (pilot/pkg/networking/core/loadbalancer/loadbalancer.go, ApplyToCluster: enableFailover),
 * and Istio's webhook warns of it (pkg/config/validation/agent/validation.go, ValidateLocalityLbSetting).
 */
import type { Result } from '../krm/result';
import type { LintInput } from './lint';
import { policyLevels, policyOrigin } from './policyOrigin';

export function failoverWithoutOutlierDetection({ mesh, spec, entries }: LintInput): Result[] {
  const results: Result[] = [];
  for (const service of mesh.services) {
    if (!service.trafficPolicy) continue;
    for (const level of policyLevels(service.trafficPolicy.fields)) {
      const failover = level.locality?.['failover'] ?? level.locality?.['failoverPriority'];
      if (failover === undefined || level.outlier) continue;
      const origin = policyOrigin(service, entries, spec);
      const message = `traffic policy of service ${service.namespace}/${service.name}: ${level.where}loadBalancer.localityLbSetting sets failover without ${level.where}outlierDetection, and Istio applies failover only with outlier detection (an endpoint is never ejected, so traffic never fails over); add outlierDetection, or write failover: local-first`;
      results.push({ severity: 'warning', code: 'failover-without-outlier-detection', message, field: origin.field, ...origin.at });
    }
  }
  return results;
}
