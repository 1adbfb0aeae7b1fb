/**
 * A service's route list (the routes annotation, or spec.services[].routes): an ordered list of rules, each with
 * optional Istio HTTPMatchRequests, the versions its traffic goes to, and the rest of Istio's HTTPRoute (timeout,
 * retries, fault, mirror, headers, rewrite, corsPolicy), copied to the rule's HTTP route in every cluster. Maps keyed
 * by the user's data (header names, versions) are data records: a key such as `__proto__` is checked and kept like
 * any other.
 */
import * as z from 'zod';
import { dataRecord } from './dataRecord';
import { version } from './fields';
import { authorityRewrites, corsPolicy, headerOperations } from './httpHeaders';
import { httpMatch } from './httpMatch';
import { fault, mirror, mirrorPercentage, REFUSED, retries, rewrite, timeout } from './httpRouteFields';

/** The HTTPRoute fields a rule passes through, in the order Istio's HTTPRoute lists them. */
export const HTTP_ROUTE_FIELDS = ['rewrite', 'timeout', 'retries', 'fault', 'mirror', 'mirrorPercentage', 'corsPolicy', 'headers'] as const;

export const routeSchema = z
  .strictObject({
    name: z.string().min(1).optional(),
    match: z.array(httpMatch).min(1).optional().describe('Istio HTTPMatchRequest list; absent matches everything'),
    to: z
      .union([version, dataRecord('version', version, z.number().int().min(0).max(100))], {
        error: 'give a version (such as v1) or a mapping of version → integer weight (such as {v1: 90, v2: 10})',
      })
      .describe('a version (all traffic) or version → integer weight, totalling 100'),
    rewrite: rewrite.optional(),
    timeout: timeout.optional(),
    retries: retries.optional(),
    fault: fault.optional(),
    mirror: mirror.optional(),
    mirrorPercentage: mirrorPercentage.optional(),
    corsPolicy: corsPolicy.optional(),
    headers: headerOperations.optional(),
    ...REFUSED,
  })
  .superRefine((rule, ctx) => {
    const authorities = authorityRewrites(rule.rewrite?.authority, rule.headers);
    if (authorities.length > 1)
      ctx.addIssue({
        code: 'custom',
        message: `sets the authority ${authorities.length} times (${authorities.join(', ')}), which Istio refuses; keep one of rewrite.authority and the :authority/host request header`,
      });
    if (rule.mirrorPercentage !== undefined && rule.mirror === undefined)
      ctx.addIssue({ code: 'custom', message: 'gives mirrorPercentage without mirror; add mirror (the host to copy requests to) or remove mirrorPercentage' });
  });
/** An empty list would give a VirtualService with no route, which Istio refuses ("http, tcp or tls must be provided"). */
export const routesSchema = z
  .array(routeSchema)
  .min(1, { message: 'the route list is empty; give at least one rule, such as [{to: v1}], or remove the routes to use the default routing' });

export type RouteConfig = z.output<typeof routeSchema>;
