import { NotFastPath, SourceItem } from './sourceItem';

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
