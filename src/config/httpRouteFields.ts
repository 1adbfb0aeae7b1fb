/**
 * The rest of Istio's HTTPRoute on a route rule — retries, fault injection, mirroring, rewrite — checked as Istio's
 * webhook checks them (pkg/config/validation/virtualservice.go validateHTTPRoute; validation.go
 * validateHTTPFaultInjection(Abort|Delay), validatePercentage, validateDestination, validateHTTPRewrite;
 * agent/validation.go ValidateHTTPRetry) and shaped as the VirtualService CRD has them in v1, v1beta1 and v1alpha3
 * alike (each of the three carries every field here, retryRemoteLocalities included).
 */
import * as z from 'zod';
import { duration } from './duration';
import { dnsLabel, port } from './fields';
import { MAX_REGEX_LENGTH, text } from './httpMatch';

const STATUS_CODES = ['100-103', '200-208', '226', '300-305', '307-308', '400-418', '421-426', '428-429', '431', '451', '500-508', '510-511'].flatMap(
  (span) => {
    const [from = 0, to = from] = span.split('-').map(Number);
    return Array.from({ length: to - from + 1 }, (_, i) => String(from + i));
  },
);
/** Envoy's x-envoy-retry-on and x-envoy-retry-grpc-on policies Istio accepts, and HTTP status codes Go knows. */
const RETRY_ON: ReadonlySet<string> = new Set([
  '5xx',
  'gateway-error',
  'reset',
  'reset-before-request',
  'connect-failure',
  'retriable-4xx',
  'refused-stream',
  'retriable-status-codes',
  'retriable-headers',
  'envoy-ratelimited',
  'http3-post-connect-failure',
  'cancelled',
  'deadline-exceeded',
  'internal',
  'resource-exhausted',
  'unavailable',
  ...STATUS_CODES,
]);

const retryOn = z.string().superRefine((value, ctx) => {
  for (const policy of value.split(','))
    if (!RETRY_ON.has(policy))
      ctx.addIssue({
        code: 'custom',
        message: `${JSON.stringify(policy)} is not a retryOn policy Istio takes; give a comma-separated list (no spaces) of Envoy policies such as 5xx,connect-failure,reset or HTTP status codes such as 503`,
      });
});

export const retries = z
  .strictObject({
    attempts: z.number().int().min(0).max(2_147_483_647).optional(),
    perTryTimeout: duration('retries.perTryTimeout').optional(),
    retryOn: retryOn.optional(),
    retryRemoteLocalities: z.boolean().optional(),
    retryIgnorePreviousHosts: z.boolean().optional(),
    backoff: duration('retries.backoff').optional(),
  })
  .superRefine((r, ctx) => {
    const set = (['perTryTimeout', 'retryOn', 'retryRemoteLocalities'] as const).filter((key) => r[key] !== undefined);
    if ((r.attempts ?? 0) === 0 && set.length > 0)
      ctx.addIssue({
        code: 'custom',
        message: `gives ${set.join(' and ')} with attempts ${r.attempts ?? 'unset'} (0, retries off), which Istio refuses; give attempts (such as 3), or remove ${set.join(' and ')}`,
      });
  })
  .describe('Istio HTTPRetry');

/** Istio's Percent for a fault: 0, or from 0.0001 to 100. */
const faultPercentage = z.strictObject({ value: z.number() }).refine(({ value }) => value === 0 || (value >= 0.0001 && value <= 100), {
  message: 'percentage.value must be 0 or from 0.0001 to 100 (Istio refuses others)',
});

const refused = (message: string) => z.never({ error: message }).optional();

const abort = z
  .strictObject({
    httpStatus: z
      .number()
      .int()
      .min(200, { message: 'an abort httpStatus must be from 200 to 600' })
      .max(600, { message: 'an abort httpStatus must be from 200 to 600' })
      .optional(),
    grpcStatus: z
      .enum([
        'OK',
        'CANCELLED',
        'UNKNOWN',
        'INVALID_ARGUMENT',
        'DEADLINE_EXCEEDED',
        'NOT_FOUND',
        'ALREADY_EXISTS',
        'PERMISSION_DENIED',
        'RESOURCE_EXHAUSTED',
        'FAILED_PRECONDITION',
        'ABORTED',
        'OUT_OF_RANGE',
        'UNIMPLEMENTED',
        'INTERNAL',
        'UNAVAILABLE',
        'DATA_LOSS',
        'UNAUTHENTICATED',
      ])
      .optional(),
    http2Error: refused('Istio refuses an http2Error abort (not supported yet); use httpStatus or grpcStatus'),
    percentage: faultPercentage.optional(),
  })
  .refine((a) => (a.httpStatus === undefined) !== (a.grpcStatus === undefined), { message: 'an abort gives exactly one of httpStatus and grpcStatus' });

const delay = z.strictObject({
  fixedDelay: duration('fault.delay.fixedDelay').optional(),
  exponentialDelay: refused('Istio refuses exponentialDelay (not supported yet); use fixedDelay'),
  percentage: faultPercentage.optional(),
});

export const fault = z
  .strictObject({ delay: delay.optional(), abort: abort.optional() })
  .refine((f) => f.delay !== undefined || f.abort !== undefined, { message: 'a fault needs an abort and/or a delay' })
  .describe('Istio HTTPFaultInjection');

const LABEL = '[A-Za-z0-9](?:[-A-Za-z0-9]{0,61}[A-Za-z0-9])?';
const WILDCARD_DOMAIN = new RegExp(`^(?:\\*\\.)?${LABEL}(?:\\.${LABEL})*$`);

/** An Istio Destination: a host as a service registry names it (an optional `*.` wildcard), a subset, a port. */
export const mirror = z
  .strictObject({
    host: z
      .string()
      .max(255)
      .regex(WILDCARD_DOMAIN, { message: 'mirror.host must be a host name such as reviews-shadow.default.svc.cluster.local (a bare * is refused)' }),
    subset: dnsLabel('mirror.subset').optional(),
    port: z.strictObject({ number: port }).optional(),
  })
  .describe('Istio Destination the requests are copied to, as given');

export const mirrorPercentage = z.strictObject({ value: z.number().min(0).max(100) }).describe('share of requests mirrored, 0 to 100');

export const rewrite = z
  .strictObject({
    uri: text.optional(),
    authority: text.optional(),
    uriRegexRewrite: z.strictObject({ match: text.min(1).max(MAX_REGEX_LENGTH), rewrite: text.min(1) }).optional(),
  })
  .refine((r) => !(r.uri && r.uriRegexRewrite), { message: 'a rewrite gives uri or uriRegexRewrite, not both' })
  .refine((r) => Boolean(r.uri || r.uriRegexRewrite || r.authority), { message: 'a rewrite needs uri, uriRegexRewrite or authority' })
  .describe('Istio HTTPRewrite');

export const timeout = duration('timeout').describe('request timeout, such as 10s');

/** Fields of Istio's HTTPRoute a rule may not give: the function writes the destinations. */
export const REFUSED = {
  route: refused('the function writes the route (the destinations in every cluster); give the versions in `to` instead'),
  redirect: refused('a rule here routes to the service’s versions; a redirect is not supported (the function writes the destinations from `to`)'),
  directResponse: refused('a rule here routes to the service’s versions; directResponse is not supported (the function writes the destinations from `to`)'),
  delegate: refused('delegate is not supported: the function writes the whole VirtualService; give the rules here, with `to`'),
  mirrors: refused('give one mirror with mirror and mirrorPercentage (mirrors is not supported)'),
};
