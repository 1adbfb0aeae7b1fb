/**
 * A service's traffic policy: the fields of Istio's DestinationRule `trafficPolicy` the function takes from the user
 * (connectionPool, outlierDetection, loadBalancer, portLevelSettings) plus the `failover` shorthand, checked with the
 * rules of Istio's webhook (pkg/config/validation/validation.go: validateTrafficPolicy, validateOutlierDetection,
 * validateConnectionPool, validateLoadBalancer, validatePortTrafficPolicies; pkg/config/validation/agent/validation.go:
 * ValidateLocalityLbSetting, validateLocalities, ValidateDuration). Fields the function does not check stay as written;
 * Istio's CRD schema checks their shape.
 */
import * as z from 'zod';
import { isLocality, localityProblem } from './locality';

/** Go's duration syntax (Istio reads `10s`, `1.5s`, `100ms`, `1h30m`), at least 1ms as ValidateDuration wants. */
const DURATION = /^(\d+(\.\d+)?(h|m|s|ms|us|µs|ns))+$/;
const UNIT_MS: Readonly<Record<string, number>> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1, us: 1e-3, µs: 1e-3, ns: 1e-6 };
const millis = (text: string): number =>
  [...text.matchAll(/(\d+(?:\.\d+)?)(h|ms|m|s|us|µs|ns)/g)].reduce((t, [, n, u]) => t + Number(n) * (UNIT_MS[u ?? 's'] ?? 0), 0);

const duration = z
  .string({ error: 'a duration is a string such as "10s" or "500ms"' })
  .regex(DURATION, { message: 'a duration is a number and a unit (h, m, s, ms), such as "10s" or "500ms"' })
  .refine((d) => millis(d) >= 1, { message: 'a duration is at least 1ms, as Istio requires' });
const count = z.number().int().min(0, { message: 'must be non-negative, as Istio requires' });
const percent = z.number().int().min(0).max(100, { message: 'a percentage is between 0 and 100' });

export const outlierDetectionSchema = z
  .looseObject({
    consecutive5xxErrors: count.optional(),
    consecutiveGatewayErrors: count.optional(),
    consecutiveLocalOriginFailures: count.optional(),
    splitExternalLocalOriginErrors: z.boolean().optional(),
    interval: duration.optional(),
    baseEjectionTime: duration.optional(),
    maxEjectionPercent: percent.optional(),
    minHealthPercent: percent.optional(),
  })
  .refine((o) => !((o.consecutiveLocalOriginFailures ?? 0) > 0 && o.splitExternalLocalOriginErrors !== true), {
    message: 'consecutiveLocalOriginFailures needs splitExternalLocalOriginErrors: true (Istio refuses it otherwise)',
    path: ['consecutiveLocalOriginFailures'],
  });

const http = z
  .looseObject({
    http1MaxPendingRequests: count.optional(),
    http2MaxRequests: count.optional(),
    maxRequestsPerConnection: count.optional(),
    maxRetries: count.optional(),
    maxConcurrentStreams: count.optional(),
    idleTimeout: duration.optional(),
    h2UpgradePolicy: z.enum(['DEFAULT', 'DO_NOT_UPGRADE', 'UPGRADE']).optional(),
    useClientProtocol: z.boolean().optional(),
  })
  .refine((h) => !(h.h2UpgradePolicy === 'UPGRADE' && h.useClientProtocol === true), {
    message: 'useClientProtocol must not be true when h2UpgradePolicy is UPGRADE',
    path: ['useClientProtocol'],
  });
const tcp = z.looseObject({ maxConnections: count.optional(), connectTimeout: duration.optional(), maxConnectionDuration: duration.optional() });

export const connectionPoolSchema = z
  .strictObject({ http: http.optional(), tcp: tcp.optional() })
  .refine((c) => c.http !== undefined || c.tcp !== undefined, { message: 'a connection pool has http or tcp settings, as Istio requires' });

const isPrime = (n: number): boolean => {
  if (n < 2 || (n > 2 && n % 2 === 0)) return n === 2;
  for (let f = 3; f * f <= n; f += 2) if (n % f === 0) return false;
  return true;
};

const distribute = z.strictObject({
  from: z.string().refine(isLocality, { message: 'a locality is region, region/zone or region/zone/subzone, with at most one "*" at the end' }),
  to: z
    .record(z.string(), z.number().int().min(1).max(100, { message: 'a locality weight is between 1 and 100' }))
    .refine((to) => Object.values(to).reduce((a, b) => a + b, 0) === 100, { message: 'the weights in "to" total 100, as Istio requires' })
    .superRefine((to, ctx) => {
      const why = localityProblem(Object.keys(to));
      if (why) ctx.addIssue({ code: 'custom', message: why });
    }),
});

const regionOnly = z.string().regex(/^[^/*]+$/, { message: 'failover names regions only: no "/" and no "*"' });
export const localityLbSettingSchema = z
  .looseObject({
    enabled: z.boolean().optional(),
    distribute: z.array(distribute).optional(),
    failover: z
      .array(z.strictObject({ from: regionOnly, to: regionOnly }).refine((f) => f.from !== f.to, { message: 'failover from and to name different regions' }))
      .optional(),
    failoverPriority: z.array(z.string().min(1)).optional(),
  })
  .refine((l) => !(l.distribute?.length && l.failover?.length), { message: "localityLbSetting cannot set both 'distribute' and 'failover'" });

export const loadBalancerSchema = z.looseObject({
  simple: z.enum(['UNSPECIFIED', 'LEAST_CONN', 'RANDOM', 'PASSTHROUGH', 'ROUND_ROBIN', 'LEAST_REQUEST']).optional(),
  consistentHash: z
    .looseObject({
      httpCookie: z.looseObject({ name: z.string().min(1, { message: 'an httpCookie needs a name' }) }).optional(),
      maglev: z
        .strictObject({ tableSize: z.number().int().min(1).max(5_000_010).refine(isPrime, { message: 'a maglev tableSize is a prime number' }) })
        .optional(),
    })
    .optional(),
  localityLbSetting: localityLbSettingSchema.optional(),
});

const TLS_OWNED =
  'tls is set by the function (spec.tlsMode): the global host is reached through the east-west gateway with Istio mutual TLS, and another mode would break it; remove tls';
const noTls = { tls: z.never({ error: TLS_OWNED }).optional() };

const portPolicy = z
  .strictObject({
    port: z.strictObject({ number: z.number().int().min(1).max(65535) }),
    connectionPool: connectionPoolSchema.optional(),
    outlierDetection: outlierDetectionSchema.optional(),
    loadBalancer: loadBalancerSchema.optional(),
    ...noTls,
  })
  .refine((p) => p.connectionPool !== undefined || p.outlierDetection !== undefined || p.loadBalancer !== undefined, {
    message: 'a port traffic policy has at least one of connectionPool, outlierDetection, loadBalancer, as Istio requires',
  });

/** `local-first`: local pods while healthy, other clusters only when they are ejected; `{regions}`: a share per region. */
export const failoverSchema = z.union([
  z.literal('local-first'),
  z.strictObject({ regions: z.record(z.string().regex(/^[^/*]+$/), z.number().int().min(1).max(100)) }),
]);

export const trafficPolicySchema = z
  .strictObject({
    connectionPool: connectionPoolSchema.optional(),
    outlierDetection: outlierDetectionSchema.optional(),
    loadBalancer: loadBalancerSchema.optional(),
    portLevelSettings: z.array(portPolicy).optional(),
    failover: failoverSchema.optional().describe('"local-first" or {regions: {<region>: <weight>, …}} (weights total 100)'),
    ...noTls,
  })
  .refine((p) => Object.keys(p).length > 0, { message: 'a traffic policy sets at least one field, as Istio requires' })
  .superRefine((p, ctx) => {
    if (p.failover !== undefined && p.loadBalancer?.localityLbSetting !== undefined)
      ctx.addIssue({ code: 'custom', path: ['failover'], message: 'failover writes loadBalancer.localityLbSetting; set one of them, not both' });
    if (typeof p.failover === 'object' && Object.values(p.failover.regions).reduce((a, b) => a + b, 0) !== 100)
      ctx.addIssue({
        code: 'custom',
        path: ['failover', 'regions'],
        message: 'the region weights total 100, as Istio requires of localityLbSetting.distribute',
      });
  });

export type TrafficPolicyConfig = z.output<typeof trafficPolicySchema>;
