import { parseDocument } from 'yaml';
import { deleteIn, needsQuotes, resolvePlain, setIn, toNode, toTyped } from './yamlNodes';
import { stringifyNode } from './resourceList';
import type { YAMLMap } from 'yaml';

describe('resolvePlain reads plain scalars as the YAML 1.2 core schema does', () => {
  test.each([
    ['9080', 9080],
    ['0644', 644],
    ['0o17', 15],
    ['0x1F', 31],
    ['1.5', 1.5],
    ['true', true],
    ['False', false],
    ['~', null],
    ['', null],
    ['yes', 'yes'],
    ['v1', 'v1'],
  ])('%j → %j', (text, value) => {
    expect(resolvePlain(text)).toEqual(value);
  });
});

describe('needsQuotes: strings that a YAML 1.2 or a YAML 1.1 reader (kubectl) would read as something else', () => {
  test.each(['0b1', '1_0', '0x1_F', '1:20', '190:20:30', '1.', '.5', '1e3', '-1', '+1', '0644', 'yes', 'off', 'null', '~', 'true'])('%s is quoted', (text) => {
    expect(needsQuotes(text)).toBe(true);
  });
  test.each(['v1', '1.2.3', '1-2', 'a:b', '2.0-beta', 'reviews', '1:2:x', '.x', '0b2'])('%s is not', (text) => {
    expect(needsQuotes(text)).toBe(false);
  });
});

describe('failsafe round trip', () => {
  const source = 'a: 0644 # mode\nb: yes\nc: "9080"\nd: 0x1F\ne: !!str 12\nf: [1, two]\n';
  const doc = parseDocument(source, { schema: 'failsafe' });

  test('keeps every scalar as written', () => {
    expect(stringifyNode(doc.contents as YAMLMap)).toBe(source);
  });
  test('reads typed values', () => {
    expect(toTyped(doc.contents, doc)).toEqual({ a: 644, b: 'yes', c: '9080', d: 31, e: '12', f: [1, 'two'] });
  });
  test('keys such as __proto__ stay data', () => {
    const hostile = parseDocument('__proto__: {polluted: true}\nconstructor: x\n', { schema: 'failsafe' });
    const value = toTyped(hostile.contents, hostile) as Record<string, unknown>;
    expect(Object.keys(value)).toEqual(['__proto__', 'constructor']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('toNode writes values that read back the same', () => {
  test.each([['9080'], ['true'], ['yes'], ['0644'], ['null'], [''], ['1.0'], ['plain text']])('the string %j', (text) => {
    const written = stringifyNode(toNode({ key: text }));
    const back = parseDocument(written, { schema: 'failsafe' });
    expect(toTyped(back.contents, back)).toEqual({ key: text });
  });
  test('numbers, booleans and null stay plain', () => {
    expect(stringifyNode(toNode({ port: 15443, enabled: true, none: null }))).toBe('port: 15443\nenabled: true\nnone: null\n');
  });
});

// `yaml` prints a comment written after `labels:` on the next line: kept, though not byte for byte.
test('setIn adds a key without touching the rest, and replaces an existing one in place', () => {
  const doc = parseDocument('spec:\n  labels: # pod labels\n    app: reviews\n    b: x\n', { schema: 'failsafe' });
  const root = doc.contents as YAMLMap;
  setIn(root, ['spec', 'labels', 'new'], 'v', doc);
  setIn(root, ['spec', 'labels', 'app'], 'ratings', doc);
  expect(stringifyNode(root)).toBe('spec:\n  labels:\n    # pod labels\n    app: ratings\n    b: x\n    new: v\n');
});

describe('setIn and deleteIn change one path only, even through anchors and aliases', () => {
  const LABEL = ['spec', 'template', 'labels', 'svc'];
  const change = (text: string, edit: (root: YAMLMap, doc: ReturnType<typeof parseDocument>) => void): string => {
    const doc = parseDocument(text, { schema: 'failsafe' });
    edit(doc.contents as YAMLMap, doc);
    return stringifyNode(doc.contents as YAMLMap);
  };

  test('an alias on the path becomes a copy of the map it shows, and the anchored map stays as it was', () => {
    const text = 'spec:\n  selector: &sel {app: r, version: v1}\n  template:\n    labels: *sel\n';
    expect(change(text, (root, doc) => setIn(root, LABEL, 's', doc))).toBe(
      'spec:\n  selector: &sel {app: r, version: v1}\n  template:\n    labels: {app: r, version: v1, svc: s}\n',
    );
  });
  test('an anchored map on the path gives the aliases that show it a copy first', () => {
    const text = 'spec:\n  template: &t\n    labels: {app: r}\n  copy: *t\n';
    expect(change(text, (root, doc) => setIn(root, LABEL, 's', doc))).toBe(
      'spec:\n  template: &t\n    labels: {app: r, svc: s}\n  copy:\n    labels: {app: r}\n',
    );
  });
  test('deleteIn copies only when there is something to delete', () => {
    const shared = 'spec:\n  selector: &sel {app: r}\n  template:\n    labels: *sel\n';
    expect(change(shared, (root, doc) => deleteIn(root, LABEL, doc))).toBe(shared);
    const withLabel = 'spec:\n  selector: &sel {app: r, svc: s}\n  template:\n    labels: *sel\n';
    expect(change(withLabel, (root, doc) => deleteIn(root, LABEL, doc))).toBe('spec:\n  selector: &sel {app: r, svc: s}\n  template:\n    labels: {app: r}\n');
  });
});
