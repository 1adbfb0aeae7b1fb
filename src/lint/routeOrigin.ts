/** Where a service's explicit routes were written: the routes annotation of a Service copy, or spec.services[i]. */
import type { Spec } from '../config/schema';
import type { Result } from '../krm/result';
import { ANNOTATION_ROUTES } from '../names';
import type { Entry } from '../topology/inventory';
import { where } from '../topology/inventory';
import type { MeshService } from '../topology/model';

export interface RouteOrigin {
  /** Field path of the route list in its resource (the functionConfig for spec.services). */
  readonly field: string;
  readonly at: Pick<Result, 'resourceRef' | 'file'>;
}

/**
 * Where a service's setting was written: the annotation on a Service copy, else its `spec.services[i]` entry's field.
 * Routes and traffic policies are both found this way.
 */
export function settingOrigin(service: MeshService, entries: readonly Entry[], spec: Spec, annotation: string, key: 'routes' | 'trafficPolicy'): RouteOrigin {
  const annotated = entries.find(
    (e) =>
      e.role === 'service' &&
      e.cluster !== undefined &&
      e.namespace === service.namespace &&
      e.item.name === service.name &&
      e.item.annotations[annotation] !== undefined,
  );
  if (annotated) return { field: `metadata.annotations.${annotation}`, at: where(annotated.item) };
  const i = spec.services.findIndex((s) => s.namespace === service.namespace && s.name === service.name && s[key] !== undefined);
  return { field: `spec.services[${i}].${key}`, at: {} };
}

export const routeOrigin = (service: MeshService, entries: readonly Entry[], spec: Spec): RouteOrigin =>
  settingOrigin(service, entries, spec, ANNOTATION_ROUTES, 'routes');

/** How a message names a rule: its index in the list, and its name when it has one. */
export const ruleLabel = (index: number, name: string | undefined): string => `rule ${index}${name === undefined ? '' : ` (${JSON.stringify(name)})`}`;
