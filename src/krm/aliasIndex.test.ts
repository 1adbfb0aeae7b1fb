import { Alias, parseDocument, visit } from 'yaml';
import type { Document, YAMLMap } from 'yaml';
import { replaceAlias } from './aliasIndex';
import { aliasTarget } from './aliasTarget';
import { aliasesTo, unanchoredCopy } from './anchors';

const aliasesOf = (doc: Document): Alias[] => {
  const found: Alias[] = [];
  visit(doc, { Alias: (_key, alias) => void found.push(alias) });
  return found;
};
const mapsOf = (doc: Document): YAMLMap[] => {
  const found: YAMLMap[] = [];
  visit(doc, { Map: (_key, map) => void found.push(map) });
  return found;
};

const REDEFINED = 'a: &m {x: &v 1, y: *v}\nb: &v 2\nc: [*m, *m]\nd: &m {z: *v}\ne: *m\n';

test('aliasesTo finds the aliases Alias.resolve says show the map, anchors redefined', () => {
  const doc = parseDocument(REDEFINED, { schema: 'failsafe' });
  for (const map of mapsOf(doc)) expect(aliasesTo(map, doc)).toEqual(aliasesOf(doc).filter((alias) => alias.resolve(doc) === map));
});

test('an alias replaced by a copy leaves the index; the aliases in the copy refer to what Alias.resolve says, where they stand', () => {
  const doc = parseDocument(REDEFINED, { schema: 'failsafe' });
  const [first] = mapsOf(doc).filter((map) => map.anchor === 'm');
  const alias = aliasesTo(first as YAMLMap, doc)[0] as Alias;
  replaceAlias(alias, unanchoredCopy(first as YAMLMap), doc);
  expect(aliasesTo(first as YAMLMap, doc)).toHaveLength(1);
  for (const each of aliasesOf(doc)) expect(aliasTarget(each, doc)).toBe(each.resolve(doc));
  const inCopy: unknown = (doc.getIn(['c', 0], true) as YAMLMap).get('y', true);
  expect(inCopy).toBeInstanceOf(Alias);
  expect(aliasTarget(inCopy as Alias, doc)).toBe(doc.get('b', true));
});
