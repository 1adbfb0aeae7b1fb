/**
 * A service's route list (the routes annotation, or spec.services[].routes): an ordered list of rules, each with
 * optional Istio HTTPMatchRequests and the versions its traffic goes to. Maps keyed by the user's data (header
 * names, versions) are data records: a key such as `__proto__` is checked and kept like any other.
 */
import * as z from 'zod';
import { dataRecord } from './dataRecord';
import { version } from './fields';
import { httpMatch } from './httpMatch';

export const routeSchema = z.strictObject({
  name: z.string().min(1).optional(),
  match: z.array(httpMatch).min(1).optional().describe('Istio HTTPMatchRequest list; absent matches everything'),
  to: z
    .union([version, dataRecord('version', version, z.number().int().min(0).max(100))], {
      error: 'give a version (such as v1) or a mapping of version → integer weight (such as {v1: 90, v2: 10})',
    })
    .describe('a version (all traffic) or version → integer weight, totalling 100'),
});
/** An empty list would give a VirtualService with no route, which Istio refuses ("http, tcp or tls must be provided"). */
export const routesSchema = z
  .array(routeSchema)
  .min(1, { message: 'the route list is empty; give at least one rule, such as [{to: v1}], or remove the routes to use the default routing' });

export type RouteConfig = z.output<typeof routeSchema>;
