/**
 * Istio's header operations and CORS policy on an HTTP route, checked as its webhook checks them
 * (pkg/config/validation/virtualservice.go validateHTTPRoute, validateAuthorityRewrite; validation.go
 * ValidateHTTPHeaderWithAuthorityOperationName, ValidateHTTPHeaderOperationName, ValidateHTTPHeaderValue,
 * validateCORSPolicy, validateAllowOrigins, validateCORSHTTPMethod, ValidateCORSHTTPHeaderName).
 */
import * as z from 'zod';
import { dataRecord } from './dataRecord';
import { duration } from './duration';
import { HTTP_TOKEN, stringMatch } from './httpMatch';

const AUTHORITY = new Set([':authority', 'host']);
const isAuthority = (name: string): boolean => AUTHORITY.has(name.toLowerCase());

/** Request headers to set or add: any name but a pseudo-header (`:authority` and `host` rewrite the authority). */
const settableName = z.string().refine((name) => name !== '' && (!name.startsWith(':') || isAuthority(name)), {
  message: 'is not a header Istio lets a route set: give a non-empty name not starting with ":" (":authority" or host rewrite the authority)',
});
/** Headers to remove, and response headers: neither host nor a pseudo-header. */
const plainName = z.string().refine((name) => name !== '' && !name.startsWith(':') && name.toLowerCase() !== 'host', {
  message: 'is not a header Istio lets a route change here: give a non-empty name, neither host nor one starting with ":"',
});

/** A control character other than tab, which Istio refuses in a header value. */
const isControl = (ch: string): boolean => {
  const code = ch.charCodeAt(0);
  return (code < 0x20 && code !== 0x09) || code === 0x7f;
};

/**
 * A header value as Envoy's header parser takes it: no control character but tab, and every `%` either doubled
 * (`%%`, a literal %) or opening a `%VARIABLE%` that a later `%` closes.
 */
function headerValueProblem(value: string): string | undefined {
  if ([...value].some(isControl)) return 'holds a control character (such as a newline); remove it';
  for (let i = 0; i < value.length; i++) {
    if (value[i] !== '%') continue;
    if (value[i + 1] === '%') i++;
    else {
      const close = value.indexOf('%', i + 1);
      if (close < 0) return 'has a lone "%": write %% for a literal percent sign, or %VARIABLE% for an Envoy variable';
      i = close;
    }
  }
  return undefined;
}
const headerValue = z.string().superRefine((value, ctx) => {
  const problem = headerValueProblem(value);
  if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem });
});

const operations = (name: z.ZodType<string>) =>
  z.strictObject({
    set: dataRecord('header', name, headerValue).optional(),
    add: dataRecord('header', name, headerValue).optional(),
    remove: z.array(plainName).optional(),
  });

export const headerOperations = z
  .strictObject({ request: operations(settableName).optional(), response: operations(plainName).optional() })
  .describe('Istio Headers: request and response header operations (set, add, remove)');

/** The authority values a route sets: rewrite.authority and the request headers :authority and host it sets or adds. */
export function authorityRewrites(rewriteAuthority: string | undefined, headers: z.output<typeof headerOperations> | undefined): string[] {
  const out = rewriteAuthority ? [rewriteAuthority] : [];
  for (const map of [headers?.request?.set, headers?.request?.add])
    for (const [name, value] of Object.entries(map ?? {})) if (isAuthority(name)) out.push(value);
  return out;
}

const CORS_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE', '*'] as const;
const corsHeader = z.string().refine((name) => name === '*' || HTTP_TOKEN.test(name), {
  message: "is not a header name: use letters, digits and !#$%&'*+-.^_`|~, or *",
});
const origin = stringMatch('refused').refine((m) => Boolean(m.exact ?? m.prefix ?? m.regex), {
  message: 'an allowed origin needs a non-empty exact, prefix or regex, such as {exact: https://example.com}',
});

export const corsPolicy = z
  .strictObject({
    allowOrigins: z.array(origin).optional(),
    allowMethods: z.array(z.enum(CORS_METHODS, { error: `is not a method Istio takes; use one of ${CORS_METHODS.join(', ')}` })).optional(),
    allowHeaders: z.array(corsHeader).optional(),
    exposeHeaders: z.array(corsHeader).optional(),
    maxAge: duration('corsPolicy.maxAge', 's').optional(),
    allowCredentials: z.boolean().optional(),
    unmatchedPreflights: z.enum(['UNSPECIFIED', 'FORWARD', 'IGNORE']).optional(),
  })
  .describe('Istio CorsPolicy');
