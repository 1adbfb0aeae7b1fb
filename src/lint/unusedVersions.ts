/** A version that runs somewhere but that no route rule sends traffic to (only when the service has explicit routes). */
import type { Result } from '../krm/result';
import type { LintInput } from './lint';
import { routeOrigin } from './routeOrigin';

export function unusedVersions({ mesh, spec, entries }: LintInput): Result[] {
  const results: Result[] = [];
  for (const service of mesh.services) {
    if (!service.routes) continue;
    const used = new Set(service.routes.flatMap((r) => r.to.map((d) => d.version)));
    const unused = service.versions.filter((v) => !used.has(v));
    if (unused.length === 0) continue;
    const origin = routeOrigin(service, entries, spec);
    for (const version of unused) {
      const clusters = (service.runsIn.get(version) ?? []).join(', ');
      const message = `routes of service ${service.namespace}/${service.name} send no traffic to version ${JSON.stringify(version)}, which runs in ${clusters}; add it to the "to" of a rule, or retire its workloads`;
      results.push({ severity: 'warning', code: 'unused-version', message, field: origin.field, ...origin.at });
    }
  }
  return results;
}
