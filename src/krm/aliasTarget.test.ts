import { Alias, parseDocument, visit } from 'yaml';
import type { Document, YAMLMap } from 'yaml';
import { aliasTarget } from './aliasTarget';

const aliasesOf = (doc: Document): Alias[] => {
  const found: Alias[] = [];
  visit(doc, { Alias: (_key, alias) => void found.push(alias) });
  return found;
};

test.each([
  ['one anchor', 'a: &x 1\nb: *x\nc: [*x, *x]\n'],
  ['an anchor redefined: each alias refers to the closest one before it', 'a: &x 1\nb: *x\nc: &x 2\nd: *x\ne: {f: &x 3, g: *x}\nh: *x\n'],
  ['an anchor on a key, and an alias as a value after it', '? &k key\n: *k\n'],
  ['an alias to an anchor set after it refers to none', 'a: *later\nb: &later 1\n'],
  ['aliases inside the map that holds the anchor', 'a: &m {b: &x 1, c: *x}\nd: *m\n'],
])('%s: the same node as Alias.resolve', (_name, text) => {
  const doc = parseDocument(text, { schema: 'failsafe' });
  const aliases = aliasesOf(doc);
  expect(aliases.length).toBeGreaterThan(0);
  for (const alias of aliases) expect(aliasTarget(alias, doc)).toBe(alias.resolve(doc));
});

test('an alias put into the document after its first use is found; one outside it refers to the last anchor', () => {
  const doc = parseDocument('a: &x 1\nb: *x\nc: &x 2\n', { schema: 'failsafe' });
  const [first] = aliasesOf(doc);
  expect(aliasTarget(first as Alias, doc)).toBe(first?.resolve(doc));
  const added = new Alias('x');
  (doc.contents as YAMLMap).set('d', added);
  expect(aliasTarget(added, doc)).toBe(added.resolve(doc));
  const outside = new Alias('x');
  expect(aliasTarget(outside, doc)).toBe(outside.resolve(doc));
});
