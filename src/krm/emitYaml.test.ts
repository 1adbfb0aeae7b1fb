import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse } from 'yaml';
import { emitYaml } from './emitYaml';
import { stringifyNode } from './resourceList';
import type { Json, JsonObject } from './yamlNodes';
import { toNode } from './yamlNodes';

const slow = (value: Json): string => stringifyNode(toNode(value));

test('writes every generated resource of the golden cases exactly as the yaml library does', () => {
  const root = join(__dirname, '..', '..', 'testdata');
  let compared = 0;
  for (const name of readdirSync(root)) {
    const path = join(root, name, 'expected.yaml');
    if (!existsSync(path)) continue;
    const items = ((parse(readFileSync(path, 'utf8')) as JsonObject | null)?.['items'] ?? []) as JsonObject[];
    for (const item of items) {
      expect(emitYaml(item)).toBe(slow(item));
      compared++;
    }
  }
  expect(compared).toBeGreaterThan(500);
});

test.each([
  [
    'strings that need quotes',
    {
      a: 'yes',
      b: '9080',
      c: '*.global',
      d: 'a: b',
      e: '#x',
      f: '',
      g: ' lead',
      h: 'null',
      i: 'x #y',
      j: 'üñï',
      k: '@at',
      l: 'spiffe://td/ns/a/sa/b',
      m: 'trailing:',
    },
  ],
  ['keys that need quotes', { 'a b': 1, '1': 2, yes: 3, 'x/y.z': 4 }],
  ['nesting', { list: [{ a: [1, 2, { b: [] }] }, 'x', [] as Json[], {}], empty: {}, none: null, t: true }],
  ['multi-line strings fall back whole', { a: 'line one\nline two', b: [{ c: 'x\ny' }] }],
  ['a list of lists falls back', { a: [[1, 2], [3]] }],
])('%s', (_name, value) => {
  expect(emitYaml(value as Json)).toBe(slow(value as Json));
});

test('writes any string, as a key or a value, exactly as the yaml library does', () => {
  const words = ['null', 'Null', '~', 'true', 'False', 'yes', 'Y', 'n', 'on', 'OFF', '.inf', '-.Inf', '.nan', '0x1F', '0o17', '1e3', '12', '-3'];
  const pieces = fc.oneof(
    fc.constantFrom(...words),
    fc.constantFrom('a', 'Z', 'v1', '_', '/', '.', ':', '-', '+', ' ', '#', '*', '&', "'", '"', '\n', 'ü'),
    fc.string(),
  );
  const text = fc.array(pieces, { maxLength: 4 }).map((parts) => parts.join(''));
  fc.assert(
    fc.property(text, (s) => {
      const value: Json = { value: s, list: [s], [s === '' ? 'empty' : s]: 1 };
      expect(emitYaml(value)).toBe(slow(value));
    }),
    { numRuns: 3_000, seed: 20261125 },
  );
});
