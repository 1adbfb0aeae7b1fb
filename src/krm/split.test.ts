import { splitResourceList } from './split';

const slices = (text: string): string[] | undefined => splitResourceList(text)?.items.map((s) => text.slice(s.start, s.end));

test('items at column 0, with comments, block scalars and a functionConfig', () => {
  const text =
    'apiVersion: config.kubernetes.io/v1\nkind: ResourceList\nitems:\n# about a\n- a: 1\n  b: |\n    - not an item\n- # head\n  c: 2\nfunctionConfig:\n  x: y\n';
  expect(slices(text)).toEqual(['# about a\n- a: 1\n  b: |\n    - not an item\n', '- # head\n  c: 2\n']);
  const split = splitResourceList(text);
  expect(split && text.slice(split.functionConfig?.start, split.functionConfig?.end)).toBe('functionConfig:\n  x: y\n');
});

test('indented items (indentSeq), and CRLF line ends', () => {
  const text = 'kind: ResourceList\r\nitems:\r\n  - a: 1\r\n    b: 2\r\n  - c: 3\r\n';
  expect(slices(text)).toEqual(['  - a: 1\r\n    b: 2\r\n', '  - c: 3\r\n']);
  expect(splitResourceList(text)?.indent).toBe(2);
});

test('no items, and `items: []`', () => {
  expect(slices('kind: ResourceList\nitems: []\n')).toEqual([]);
  expect(slices('kind: ResourceList\n')).toEqual([]);
});

test.each([
  ['JSON', '{"kind": "ResourceList", "items": []}'],
  ['flow items', 'kind: ResourceList\nitems: [{a: 1}]\n'],
  ['not a ResourceList', 'kind: Deployment\nspec: {}\n'],
  ['a tab-indented line', 'kind: ResourceList\nitems:\n- a: 1\n\tb: 2\n'],
  ['an item less indented than the list', 'kind: ResourceList\nitems:\n  - a: 1\n - b: 2\n'],
  ['a second document', 'kind: ResourceList\nitems: []\n---\nkind: ResourceList\n'],
])('%s: left to the full parser', (_name, text) => {
  expect(splitResourceList(text)).toBeUndefined();
});
