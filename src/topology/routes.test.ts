import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import type { Json } from '../krm/yamlNodes';
import { decodeAnnotation, parseRoutesAnnotation } from './routes';

const source = { where: {}, field: 'metadata.annotations.multicluster-routes.dev/routes', label: 'annotation routes' };

test('header names __proto__, constructor and prototype stay data, in maps without a prototype', () => {
  const { routes, results } = parseRoutesAnnotation('[{match: [{headers: {__proto__: {exact: a}, constructor: {exact: b}}}], to: v2}, {to: v1}]', source);
  expect(results).toEqual([]);
  const headers = routes?.[0]?.match?.[0]?.['headers'] as Record<string, unknown>;
  expect(Object.getPrototypeOf(headers)).toBeNull();
  expect(Object.keys(headers)).toEqual(['__proto__', 'constructor']);
  expect(JSON.stringify(routes?.[0]?.match)).toBe('[{"headers":{"__proto__":{"exact":"a"},"constructor":{"exact":"b"}}}]');
});

test('a version named constructor is a version like any other', () => {
  const { routes, results } = parseRoutesAnnotation('[{to: {constructor: 60, prototype: 40}}]', source);
  expect(results).toEqual([]);
  expect(routes?.[0]?.to).toEqual([
    { version: 'constructor', weight: 60 },
    { version: 'prototype', weight: 40 },
  ]);
});

test('a version named __proto__ is refused by name, not lost', () => {
  const { routes, results } = parseRoutesAnnotation('[{to: {__proto__: 100}}]', source);
  expect(routes).toBeUndefined();
  expect(results.map((r) => r.message)).toEqual(['annotation routes[0].to: version "__proto__": a version must be a valid Kubernetes label value']);
});

test('a query parameter name that is not a plain word is quoted in the path', () => {
  const { results } = parseRoutesAnnotation('[{match: [{queryParams: {"x.y z": 5}}], to: v1}]', source);
  expect(results.map((r) => r.message)).toEqual([
    'annotation routes[0].match[0].queryParams["x.y z"]: must be an Istio StringMatch, not a number: {exact: …}, {prefix: …} or {regex: …} (got 5)',
  ]);
});

test('an annotation decodes to what the yaml library reads, in block, flow or JSON style', () => {
  const key = fc.oneof(fc.constantFrom('to', 'match', 'headers', 'exact', 'prefix', 'regex', 'name', '__proto__', 'constructor', 'x-user', 'v1'), fc.string());
  const scalar = fc.oneof(
    fc.string(),
    fc.constantFrom('yes', 'no', 'null', '~', 'true', '0644', '0x1F', '0o17', '1e3', '.inf', '-.5', '1_000', '0b11', '12:30', '*', '&a', '!tag', '<<', '# x'),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
    fc.constant(null),
  );
  const value = fc.letrec<{ tree: Json }>((tie) => ({
    tree: fc.oneof({ depthSize: 'small' }, scalar, fc.array(tie('tree'), { maxLength: 3 }), fc.dictionary(key, tie('tree'), { maxKeys: 3 })),
  })).tree;
  const style = fc.constantFrom('block', 'flow', 'json');
  fc.assert(
    fc.property(value, style, (v, how) => {
      const text = how === 'json' ? JSON.stringify(v) : stringify(v, how === 'flow' ? { collectionStyle: 'flow' } : {});
      expect(decodeAnnotation(text)).toEqual(parse(text, { uniqueKeys: true, maxAliasCount: 100 }));
    }),
    { numRuns: 2_000, seed: 20261125 },
  );
});
