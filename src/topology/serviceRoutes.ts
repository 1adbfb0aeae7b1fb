/** Each exported service's routes: from its annotation copies or from spec.services, never both; versions must exist. */
import type { Spec } from '../config/schema';
import type { Result } from '../krm/result';
import { ANNOTATION_EXPORT, ANNOTATION_ROUTES } from '../names';
import type { Draft } from './buildMesh';
import { describe, where } from './inventory';
import type { Route } from './model';
import { parseRoutesAnnotation, sameRoutes, typedRoutes } from './routes';
import { checkPortRoutes } from './checkPortRoutes';

const FIELD = `metadata.annotations.${ANNOTATION_ROUTES}`;

function fromAnnotations(draft: Draft, results: Result[]): Route[] | undefined {
  let agreed: Route[] | undefined;
  let first: Draft['copies'][number] | undefined;
  for (const copy of draft.copies) {
    const text = copy.item.annotations[ANNOTATION_ROUTES];
    if (text === undefined) continue;
    const label = `${describe(copy.item)}: annotation ${ANNOTATION_ROUTES}`;
    const { routes, results: found } = parseRoutesAnnotation(text, { where: where(copy.item), field: FIELD, label });
    results.push(...found);
    if (!routes) continue;
    if (agreed && first && !sameRoutes(agreed, routes)) {
      const message = `${describe(copy.item)} in cluster ${copy.cluster ?? '?'} has a ${ANNOTATION_ROUTES} annotation that differs from the copy in cluster ${first.cluster ?? '?'}; make the copies identical, or keep the annotation on one copy only`;
      results.push({ severity: 'error', code: 'conflicting-routes', message, field: FIELD, ...where(copy.item) });
      continue;
    }
    agreed ??= routes;
    first ??= copy;
  }
  return agreed;
}

function checkVersions(draft: Draft, routes: readonly Route[], origin: { field: string; at: Pick<Result, 'resourceRef' | 'file'> }, results: Result[]): void {
  if (draft.incomplete) return; // a rejected workload's version would be reported as missing: say nothing more
  const versions = new Set(draft.workloads.map((w) => w.version));
  const known = [...versions].sort().join(', ') || 'none';
  routes.forEach((route, i) =>
    route.to
      .filter((d) => !versions.has(d.version))
      .forEach((d) => {
        const message = `routes of service ${draft.namespace}/${draft.name}: rule ${i} sends traffic to version ${JSON.stringify(d.version)}, which runs in no cluster (versions: ${known}); route to a running version or deploy ${d.version}`;
        results.push({ severity: 'error', code: 'unknown-version', message, field: origin.field, ...origin.at });
      }),
  );
}

export function resolveRoutes(drafts: readonly Draft[], spec: Spec, results: Result[]): Map<Draft, Route[] | undefined> {
  const out = new Map<Draft, Route[] | undefined>();
  for (const draft of drafts) out.set(draft, fromAnnotations(draft, results));
  spec.services.forEach((entry, i) => {
    const field = `spec.services[${i}]`;
    const draft = drafts.find((d) => d.namespace === entry.namespace && d.name === entry.name);
    if (!draft) {
      const message = `${field} names service ${entry.namespace}/${entry.name}, which is not an exported Service; annotate it ${ANNOTATION_EXPORT}: "true" or fix the name`;
      results.push({ severity: 'error', code: 'unknown-service', message, field });
      return;
    }
    if (entry.routes === undefined) return;
    const annotated = draft.copies.find((c) => c.item.annotations[ANNOTATION_ROUTES] !== undefined);
    if (annotated) {
      const message = `service ${entry.namespace}/${entry.name} has routes both in ${field} and in the ${ANNOTATION_ROUTES} annotation of ${describe(annotated.item)}; keep one of them`;
      results.push({ severity: 'error', code: 'conflicting-routes', message, field });
      return;
    }
    const { routes, results: found } = typedRoutes(entry.routes, { where: {}, field: `${field}.routes`, label: `${field}.routes` });
    results.push(...found);
    if (routes) out.set(draft, routes);
  });
  for (const [draft, routes] of out) {
    if (!routes) continue;
    const annotated = draft.copies.find((c) => c.item.annotations[ANNOTATION_ROUTES] !== undefined);
    const i = spec.services.findIndex((e) => e.namespace === draft.namespace && e.name === draft.name);
    const origin = annotated ? { field: FIELD, at: where(annotated.item) } : { field: `spec.services[${i}].routes`, at: {} };
    checkVersions(draft, routes, origin, results);
    results.push(...checkPortRoutes({ service: `${draft.namespace}/${draft.name}`, ...origin }, draft.ports, routes));
  }
  return out;
}
