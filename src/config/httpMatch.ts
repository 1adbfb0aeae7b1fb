/**
 * Istio's HTTPMatchRequest, checked as Istio checks it: the VirtualService CRD's schema (every StringMatch holds at
 * most one of exact, prefix and regex, each a string) and the rules of its validating webhook (header names, a
 * regex neither empty nor longer than 1024 characters, no empty prefix but on the URI, a DNS-label sourceNamespace,
 * source labels that are labels). A value Istio would reject is an error here, never a VirtualService that fails to
 * apply.
 */
import * as z from 'zod';
import { dataRecord } from './dataRecord';
import { dnsLabel, labelKey, labelValue, port } from './fields';

/** Istio's webhook refuses longer ones (its stand-in for Envoy's limit on the size of a compiled RE2 program). */
export const MAX_REGEX_LENGTH = 1024;

export const HTTP_TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const PSEUDO_HEADERS: ReadonlySet<string> = new Set([':method', ':scheme', ':authority', ':path', ':status']);
const JWT_CLAIM = /^@request\.auth\.claims(?:(?:\.[^.[\]]+)+|(?:\[[^[\]]+\])+)$/;

export const kindOf = (value: unknown): string => (value === null || value === undefined ? 'nothing' : Array.isArray(value) ? 'a list' : `a ${typeof value}`);

/**
 * A string field of a match; a number or a boolean is the usual mistake (YAML reads `exact: 5` as a number). A lone
 * surrogate (a `\ud800` escape) is no character: UTF-8 cannot hold it, so no reader would read back what was written.
 */
export const text = z
  .string({
    error: (issue) =>
      typeof issue.input === 'number' || typeof issue.input === 'boolean'
        ? `must be a string: write it in quotes ("${String(issue.input)}")`
        : `must be a string, not ${kindOf(issue.input)}`,
  })
  .refine((value) => !/[\ud800-\udfff]/u.test(value), { message: 'holds a lone surrogate (such as \\ud800), which is not a character; remove it' });

const FORMS = ['exact', 'prefix', 'regex'] as const;

/** Istio StringMatch: `{exact: …}`, `{prefix: …}` or `{regex: …}` (RE2), or `{}` (present, for a header). */
export function stringMatch(emptyPrefix: 'allowed' | 'refused') {
  const prefix =
    emptyPrefix === 'allowed'
      ? text
      : text.min(1, { message: 'an empty prefix is refused by Istio here; give a prefix (for a header that must merely be present, write {})' });
  return z
    .strictObject(
      {
        exact: text.optional(),
        prefix: prefix.optional(),
        regex: text
          .min(1, { message: 'an empty regex is refused by Istio; give an RE2 expression, or drop the condition' })
          .max(MAX_REGEX_LENGTH, { message: `a regex may have at most ${MAX_REGEX_LENGTH} characters (Istio's limit); shorten it` })
          .optional(),
      },
      {
        error: (issue) =>
          issue.code === 'invalid_type' ? `must be an Istio StringMatch, not ${kindOf(issue.input)}: {exact: …}, {prefix: …} or {regex: …}` : undefined,
      },
    )
    .superRefine((match, ctx) => {
      const given = FORMS.filter((form) => match[form] !== undefined);
      if (given.length > 1)
        ctx.addIssue({
          code: 'custom',
          message: `gives ${given.join(' and ')}, but an Istio StringMatch holds one of exact, prefix and regex; keep one (to accept either of two values, write two match entries: Istio ORs them)`,
        });
    })
    .meta({ description: 'Istio StringMatch: one of exact, prefix, regex', maxProperties: 1 });
}

/** Header names as Istio's webhook takes them: an HTTP token, a pseudo-header, or a JWT claim to route on. */
const headerName = z.string().refine((name) => HTTP_TOKEN.test(name) || PSEUDO_HEADERS.has(name) || JWT_CLAIM.test(name), {
  message:
    "is not a header name: use letters, digits and !#$%&'*+-.^_`|~ (an HTTP token, such as end-user), a pseudo-header such as :authority, or @request.auth.claims.<claim>",
});

const valueMatch = stringMatch('refused');

export const httpMatch = z.strictObject({
  name: text.optional(),
  uri: stringMatch('allowed').optional(),
  scheme: valueMatch.optional(),
  method: valueMatch.optional(),
  authority: valueMatch.optional(),
  headers: dataRecord('header', headerName, valueMatch).optional(),
  port: port.optional(),
  sourceLabels: dataRecord('label', labelKey, labelValue).optional(),
  gateways: z.array(text.min(1)).optional(),
  queryParams: dataRecord('query parameter', text, valueMatch).optional(),
  ignoreUriCase: z.boolean().optional(),
  withoutHeaders: dataRecord('header', headerName, valueMatch).optional(),
  sourceNamespace: dnsLabel('sourceNamespace').optional(),
  statPrefix: text.optional(),
});
