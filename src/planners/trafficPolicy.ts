/**
 * A DestinationRule's trafficPolicy: the service's policy (if any) with the function's tls, on every port-level
 * entry too (Istio replaces tls wholesale for a port with port-level settings: MergeTrafficPolicy).
 */
import type { JsonObject } from '../krm/yamlNodes';
import type { MeshService } from '../topology/model';
import type { PlanContext } from './generated';
import { tlsPolicy } from './generated';

const ORDER = ['connectionPool', 'loadBalancer', 'outlierDetection'] as const;

export function trafficPolicy(service: MeshService, ctx: PlanContext): JsonObject {
  const policy = service.trafficPolicy;
  if (policy === undefined) return tlsPolicy(ctx);
  const tls = tlsPolicy(ctx);
  const out: JsonObject = {};
  for (const key of ORDER) {
    const value = policy.fields[key];
    if (value !== undefined) out[key] = value;
  }
  const ports = policy.fields['portLevelSettings'];
  if (Array.isArray(ports)) out['portLevelSettings'] = ports.map((p) => ({ ...(p as JsonObject), ...tls }));
  return { ...out, ...tls };
}
