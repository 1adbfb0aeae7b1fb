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

/**
 * go-yaml (kpt, kustomize, Argo CD) reads NEL, LS, PS and CR as line breaks (yamlh.go is_break) and refuses any raw
 * character but tab, LF, CR, U+0020–U+007E, NEL, U+00A0–U+D7FF, U+E000–U+FFFD and U+10000 up (readerc.go); a BOM
 * inside a document is not content in YAML 1.2. Written text may hold none of those raw but LF (between lines).
 */
const GO_YAML_AMBIGUOUS = /[^\n\t\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\u{10000}-\u{10ffff}]/u;

test('writes every Unicode character, on both paths, so that YAML 1.1 and 1.2 readers read the same string', () => {
  const wrong: string[] = [];
  const check = (value: JsonObject): void => {
    for (const text of [emitYaml(value), slow(value)]) {
      const expected = JSON.stringify(value);
      if (GO_YAML_AMBIGUOUS.test(text) || JSON.stringify(parse(text)) !== expected || JSON.stringify(parse(text, { version: '1.1' })) !== expected)
        wrong.push(text.slice(0, 200));
    }
  };
  // Every code point but the surrogates (a lone surrogate is no character: UTF-8 cannot hold it), in chunks of 4,096.
  for (let start = 0; start <= 0x10ffff; start += 4096) {
    const codes = Array.from({ length: 4096 }, (_, i) => start + i).filter((c) => c < 0xd800 || c > 0xdfff);
    const chunk = String.fromCodePoint(...codes);
    check({ [chunk]: chunk, list: [chunk.replace(/(.{64})/gsu, '$1 ')] });
  }
  // Alone between letters (so that it could be plain): the controls, the line and paragraph separators, the edges of
  // the surrogates, the BOM and the non-characters, and one in 256 elsewhere.
  const range = (from: number, to: number): number[] => Array.from({ length: to - from }, (_, i) => from + i);
  const sample = [...range(0, 0x2100), ...range(0xd7f0, 0xd800), ...range(0xe000, 0xe010), ...range(0xfe00, 0x10000)];
  for (let plane = 0; plane <= 0x10; plane++) sample.push(...range(0, 0x100).map((i) => plane * 0x10000 + i * 0x100), plane * 0x10000 + 0xfffe);
  for (const c of sample) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    const s = String.fromCodePoint(c);
    const text = emitYaml({ [`a${s}`]: `a${s}b` });
    if (GO_YAML_AMBIGUOUS.test(text)) wrong.push(text);
  }
  expect(wrong).toEqual([]);
});
