import { parseRoutesAnnotation } from './routes';

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
