/**
 * Each exported service's traffic policy: from its annotation copies (which must agree) or from
 * spec.services[].trafficPolicy, never both; checked by the schema, then expanded into Istio's fields.
 */
import type { Spec } from '../config/schema';
import { zodResults } from '../config/parseConfig';
import type { TrafficPolicyConfig } from '../config/trafficPolicySchema';
import { trafficPolicySchema } from '../config/trafficPolicySchema';
import type { Result } from '../krm/result';
import type { Json } from '../krm/yamlNodes';
import { ANNOTATION_TRAFFIC_POLICY } from '../names';
import type { Draft } from './buildMesh';
import { describe, where } from './inventory';
import type { ServicePolicy } from './model';
import { decodeAnnotation } from './routes';
import { expandPolicy } from './expandPolicy';

const FIELD = `metadata.annotations.${ANNOTATION_TRAFFIC_POLICY}`;
const CODE = 'invalid-traffic-policy';

function check(raw: Json, at: Pick<Result, 'resourceRef' | 'file'>, field: string, label: string, results: Result[]): TrafficPolicyConfig | undefined {
  const parsed = trafficPolicySchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  results.push(...zodResults(parsed.error, raw, at, trafficPolicySchema, (path) => `${label}${path}`).map((r) => ({ ...r, code: CODE, field })));
  return undefined;
}

function fromCopy(copy: Draft['copies'][number], text: string, results: Result[]): { policy?: TrafficPolicyConfig; key?: string } {
  const label = `${describe(copy.item)}: annotation ${ANNOTATION_TRAFFIC_POLICY}`;
  let raw: Json;
  try {
    raw = decodeAnnotation(text);
  } catch (error) {
    const why = ((error as Error).message.split('\n')[0] ?? '').replace(/:$/, '');
    const message = `${label} is not valid YAML or JSON: ${why}; write a map such as {failover: local-first}`;
    results.push({ severity: 'error', code: CODE, message, field: FIELD, ...where(copy.item) });
    return {};
  }
  const policy = check(raw, where(copy.item), FIELD, label, results);
  return policy ? { policy, key: JSON.stringify(raw) } : {};
}

function fromAnnotations(draft: Draft, results: Result[]): TrafficPolicyConfig | undefined {
  let agreed: { policy: TrafficPolicyConfig; key: string; cluster: string | undefined } | undefined;
  for (const copy of draft.copies) {
    const text = copy.item.annotations[ANNOTATION_TRAFFIC_POLICY];
    if (text === undefined) continue;
    const { policy, key } = fromCopy(copy, text, results);
    if (!policy || key === undefined) continue;
    if (agreed && agreed.key !== key) {
      const message = `${describe(copy.item)} in cluster ${copy.cluster ?? '?'} has a ${ANNOTATION_TRAFFIC_POLICY} annotation that differs from the copy in cluster ${agreed.cluster ?? '?'}; make the copies identical, or keep the annotation on one copy only`;
      results.push({ severity: 'error', code: 'conflicting-traffic-policy', message, field: FIELD, ...where(copy.item) });
      continue;
    }
    agreed ??= { policy, key, cluster: copy.cluster };
  }
  return agreed?.policy;
}

/** Only services that have a policy get an entry: with none, nothing here runs per service but one annotation lookup. */
export function resolvePolicies(drafts: readonly Draft[], spec: Spec, results: Result[]): Map<Draft, ServicePolicy> {
  const configs = new Map<Draft, TrafficPolicyConfig>();
  for (const draft of drafts) {
    const policy = fromAnnotations(draft, results);
    if (policy) configs.set(draft, policy);
  }
  spec.services.forEach((entry, i) => {
    if (entry.trafficPolicy === undefined) return;
    const field = `spec.services[${i}].trafficPolicy`;
    const draft = drafts.find((d) => d.namespace === entry.namespace && d.name === entry.name);
    if (!draft) return; // reported with the routes as unknown-service
    const annotated = draft.copies.find((c) => c.item.annotations[ANNOTATION_TRAFFIC_POLICY] !== undefined);
    if (annotated) {
      const message = `service ${entry.namespace}/${entry.name} has a traffic policy both in ${field} and in the ${ANNOTATION_TRAFFIC_POLICY} annotation of ${describe(annotated.item)}; keep one of them`;
      results.push({ severity: 'error', code: 'conflicting-traffic-policy', message, field });
      return;
    }
    configs.set(draft, entry.trafficPolicy);
  });
  return new Map([...configs].map(([draft, config]) => [draft, expandPolicy(config, spec.profile)]));
}
