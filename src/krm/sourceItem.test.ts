import { loadYaml, NotFastPath, SourceItem } from './sourceItem';

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
