/**
 * The HTTPRoute fields a rule takes are in the VirtualService schema of every istioApiVersion: the golden
 * route-fields VirtualServices pass Istio's schema as v1, v1beta1 and v1alpha3, and each version's schema knows
 * each field (a value of the wrong type in it is refused, which a schema without the field would let through).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { istioProblems } from './support/istioChecks';

type Obj = Record<string, unknown>;
const VERSIONS = ['networking.istio.io/v1', 'networking.istio.io/v1beta1', 'networking.istio.io/v1alpha3'];

const expected = readFileSync(join(__dirname, '..', 'testdata', 'route-fields', 'expected.yaml'), 'utf8').replace(/^# exit code: \d+\n/, '');
const list = parseAllDocuments(expected)[0]?.toJSON() as { items: Obj[] };
const virtualServices = list.items.filter((r) => r['kind'] === 'VirtualService');

/** The first rule's copy with `field` set to a value of the wrong type. */
function withWrongType(vs: Obj, apiVersion: string, field: string, inner?: string): Obj {
  const copy = structuredClone(vs);
  copy['apiVersion'] = apiVersion;
  const rule = ((copy['spec'] as Obj)['http'] as Obj[])[0] as Obj;
  if (inner === undefined) rule[field] = 42;
  else rule[field] = { ...((rule[field] as Obj | undefined) ?? {}), [inner]: 'not-a-boolean-or-object' };
  return copy;
}

test.each(VERSIONS)('the route-fields VirtualServices pass Istio’s schema as %s', (apiVersion) => {
  expect(virtualServices.length).toBeGreaterThan(0);
  for (const vs of virtualServices) expect(istioProblems({ ...vs, apiVersion })).toEqual([]);
});

const FIELDS: [string, string | undefined][] = [
  ['timeout', undefined],
  ['retries', 'retryRemoteLocalities'],
  ['fault', 'delay'],
  ['mirror', 'port'],
  ['mirrorPercentage', undefined],
  ['headers', 'request'],
  ['rewrite', 'uriRegexRewrite'],
  ['corsPolicy', 'allowCredentials'],
];
test.each(VERSIONS.flatMap((v) => FIELDS.map(([field, inner]) => [v, [field, inner].filter(Boolean).join('.'), field, inner] as const)))(
  '%s knows %s',
  (apiVersion, _name, field, inner) => {
    expect(istioProblems(withWrongType(virtualServices[0] as Obj, apiVersion, field, inner))).not.toEqual([]);
  },
);

test('a field no schema has goes unnoticed by the models, so the checks above test the fields themselves', () => {
  expect(istioProblems(withWrongType(virtualServices[0] as Obj, 'networking.istio.io/v1', 'notAnIstioField'))).toEqual([]);
});
