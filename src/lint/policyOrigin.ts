/** Where a service's traffic policy was written, and its locality settings (top level and per port). */
import type { Spec } from '../config/schema';
import type { Json, JsonObject } from '../krm/yamlNodes';
import { ANNOTATION_TRAFFIC_POLICY } from '../names';
import type { Entry } from '../topology/inventory';
import type { MeshService } from '../topology/model';
import type { RouteOrigin } from './routeOrigin';
import { settingOrigin } from './routeOrigin';

export const policyOrigin = (service: MeshService, entries: readonly Entry[], spec: Spec): RouteOrigin =>
  settingOrigin(service, entries, spec, ANNOTATION_TRAFFIC_POLICY, 'trafficPolicy');

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
