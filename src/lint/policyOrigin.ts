/** Where a service's traffic policy was written, and its locality settings (top level and per port). */
import type { Spec } from '../config/schema';
import type { Json, JsonObject } from '../krm/yamlNodes';
import { ANNOTATION_TRAFFIC_POLICY } from '../names';
import type { Entry } from '../topology/inventory';
import { where } from '../topology/inventory';
import type { MeshService } from '../topology/model';
import type { RouteOrigin } from './routeOrigin';

export function policyOrigin(service: MeshService, entries: readonly Entry[], spec: Spec): RouteOrigin {
  const annotated = entries.find(
    (e) =>
      e.role === 'service' &&
      e.cluster !== undefined &&
      e.namespace === service.namespace &&
      e.item.name === service.name &&
      e.item.annotations[ANNOTATION_TRAFFIC_POLICY] !== undefined,
  );
  if (annotated) return { field: `metadata.annotations.${ANNOTATION_TRAFFIC_POLICY}`, at: where(annotated.item) };
  const i = spec.services.findIndex((s) => s.namespace === service.namespace && s.name === service.name && s.trafficPolicy !== undefined);
  return { field: `spec.services[${i}].trafficPolicy`, at: {} };
}

const object = (value: Json | undefined): JsonObject | undefined => (value !== null && typeof value === 'object' && !Array.isArray(value) ? value : undefined);

/** The policy's levels (top, then each port entry), each with its localityLbSetting and outlierDetection. */
export function policyLevels(fields: JsonObject): Array<{ where: string; locality: JsonObject | undefined; outlier: boolean }> {
  const level = (o: JsonObject, at: string) => ({
    where: at,
    locality: object(object(o['loadBalancer'])?.['localityLbSetting']),
    outlier: o['outlierDetection'] !== undefined,
  });
  const ports = Array.isArray(fields['portLevelSettings']) ? fields['portLevelSettings'] : [];
  return [level(fields, ''), ...ports.map((p, i) => level(object(p) ?? {}, `portLevelSettings[${i}].`))];
}
