/**
 * A `remoteWorkloads` fact without `serviceAccount` leaves a service's identities unknown. A client checks the peer's
 * certificate against the identities of its own cluster's pods of the host plus the ServiceEntry's `subjectAltNames`
 * (pilot/pkg/model/push_context.go, initServiceAccounts and addServiceAccounts; pilot/pkg/networking/core/cluster_tls.go,
 * buildUpstreamTLSSettings). The function never writes an incomplete list, so it writes none, and says which fact
 * is missing its identity.
 */
import type { Result } from '../krm/result';
import { TOOL } from '../names';
import type { LintInput } from './lint';

export function unknownIdentities({ spec }: LintInput): Result[] {
  if (spec.profile !== 'current') return [];
  const results: Result[] = [];
  spec.remoteWorkloads.forEach((fact, i) => {
    if (fact.serviceAccount !== undefined) return;
    const field = `spec.remoteWorkloads[${i}]`;
    const service = `${fact.namespace}/${fact.service}`;
    const message = `${field} (${service} version ${fact.version} in cluster ${fact.cluster}) gives no serviceAccount, so the identities serving ${service} are not all known and no ServiceEntry of it lists them as subjectAltNames: a client then accepts only the identities of its own cluster's pods, and a call to a version that runs under another service account fails its TLS handshake; add serviceAccount (the pods' spec.serviceAccountName, "default" when unset), or regenerate the list with \`${TOOL} facts\``;
    results.push({ severity: 'warning', code: 'unknown-identity', message, field: `${field}.serviceAccount` });
  });
  return results;
}
