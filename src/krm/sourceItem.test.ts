import { loadYaml, NotFastPath, SourceItem } from './sourceItem';
import { resolvePlain } from './yamlNodes';

const configMap = (data: string): string => `- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: x}\n  data:\n${data}`;

describe('an item that may hold an alias goes to the exact path, which resolves or reports it', () => {
  test.each([
    ['a flow value', '    a: {b: *anchor}\n'],
    ['a block value', '    a: *anchor\n'],
    ['a list entry', '    a:\n    - *anchor\n'],
    ['a flow list entry after a comma', '    a: [x,*anchor]\n'],
    ['an unquoted wildcard host', '    hosts: [*.example.com]\n'],
  ])('%s', (_name, data) => {
    expect(() => new SourceItem(configMap(data))).toThrow(NotFastPath);
  });
});

describe('a `*` that cannot start an alias keeps the fast path', () => {
  test.each([
    ['a cron schedule', '    schedule: "*/5 * * * *"\n'],
    ['a glob', '    paths: ["apps/*", "/tmp/x*"]\n'],
    ['a product', '    expr: a * b\n'],
    ['a Markdown list in a block scalar', '    readme: |\n      * one\n      * two\n'],
    ['an anchor without an alias', '    a: &anchor {b: c}\n'],
  ])('%s', (_name, data) => {
    expect(new SourceItem(configMap(data)).kind).toBe('ConfigMap');
  });
});

describe('a key that is not a string is left to the exact path (js-yaml would read it as "[object Object]")', () => {
  test.each([['? [a, b]\n: c\n'], ['[a, b]: c\n'], ['{? {a: 1} : b}\n'], ['x: {{a: 1}: b}\n']])('%j', (text) => {
    expect(() => loadYaml(text)).toThrow(NotFastPath);
  });
  test.each([['a: [b, c]\nd: {e: f}\n'], ['q: "why?"\n']])('but not %j', (text) => {
    expect(loadYaml(text)).not.toBeNull();
  });
});

describe('SourceItem', () => {
  test('reads the header of a block-style item from its lines, and its metadata only when asked', () => {
    const item = new SourceItem('- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: a\n    namespace: ns\n  data: {k: v}\n');
    expect([item.apiVersion, item.kind, item.name, item.namespace]).toEqual(['v1', 'ConfigMap', 'a', 'ns']);
  });

  test('reads a flow-style item whole, comment lines before it included', () => {
    const item = new SourceItem('# a comment\n- {apiVersion: v1, kind: ConfigMap,\n   metadata: {name: a, annotations: {x: "y"}}}\n');
    expect([item.apiVersion, item.kind, item.name, item.annotations]).toEqual(['v1', 'ConfigMap', 'a', { x: 'y' }]);
  });

  test.each([
    ['a flow-style item without a kind', '- {apiVersion: v1, metadata: {name: a}}\n'],
    ['a flow-style list as an item', '- [apiVersion, v1]\n'],
    ['a flow-style item that is not YAML', '- {apiVersion: v1, kind: ConfigMap\n'],
  ])('%s goes to the exact path', (_name, source) => {
    expect(() => new SourceItem(source)).toThrow(NotFastPath);
  });
});

test.each([
  '0b11',
  '-0x1F',
  '+0o17',
  '+.5',
  '-.5e-3',
  '12',
  '0o17',
  '0x1F',
  '1.0',
  '.inf',
  '.nan',
  '~',
  'null',
  '',
  'true',
  'False',
  'yes',
  'v1',
  '0644',
  '1e3',
  '1_000',
])('loadYaml reads the plain scalar %j as the exact path does (YAML 1.2 core)', (text) => {
  expect(loadYaml(`a: ${text}\n`)).toEqual({ a: resolvePlain(text) });
});
