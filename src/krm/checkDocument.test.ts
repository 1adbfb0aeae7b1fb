import type { YAMLMap } from 'yaml';
import { parseYamlDocuments, stringifyNode } from './resourceList';

const HEAD = 'apiVersion: config.kubernetes.io/v1\nkind: ResourceList\n';
const errorOf = (text: string, what = 'the input ResourceList'): unknown => {
  const parsed = parseYamlDocuments(text, what);
  return parsed.ok ? undefined : parsed.results[0];
};
const CONFIG_MAP = { apiVersion: 'v1', kind: 'ConfigMap', name: 'settings', namespace: 'prod' };

test('an alias to a missing anchor: the resource, the field, the line and column, and the fix', () => {
  expect(errorOf(`${HEAD}items:\n- {apiVersion: v1, kind: ConfigMap, metadata: {name: settings, namespace: prod}, data: {a: *nowhere}}\n`)).toEqual({
    severity: 'error',
    code: 'invalid-input',
    message:
      'ConfigMap prod/settings data.a: the alias *nowhere at line 4, column 92 refers to no anchor; if you meant the text "*nowhere", quote it, else set the anchor &nowhere on a value before the alias or write that value out in its place',
    resourceRef: CONFIG_MAP,
    field: 'data.a',
  });
});

test('an anchor set after its alias is missing too, where the alias is', () => {
  expect(errorOf(`${HEAD}functionConfig: {kind: MulticlusterRoutes, metadata: {name: c}, spec: {a: [*x], b: &x 1}}\n`)).toMatchObject({
    message: expect.stringMatching(/^functionConfig spec\.a\[0\]: the alias \*x at line 3, column 76 refers to no anchor/),
    resourceRef: { kind: 'MulticlusterRoutes', name: 'c' },
    field: 'spec.a[0]',
  });
});

test('an alias inside the value it refers to expands for ever', () => {
  expect(errorOf(`${HEAD}items:\n- {kind: ConfigMap, data: &a [*a]}\n`)).toMatchObject({ message: expect.stringMatching(/expands through its YAML aliases/) });
});

test('a key that is not a string', () => {
  expect(
    errorOf(`${HEAD}items:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: settings, namespace: prod}\n  data:\n    ? [a, b]\n    : c\n`),
  ).toEqual({
    severity: 'error',
    code: 'invalid-input',
    message: 'ConfigMap prod/settings data: a key is a list ("[a, b]") at line 8, column 7; Kubernetes reads only strings as keys: write the key as a string',
    resourceRef: CONFIG_MAP,
    field: 'data',
  });
});

test('a key with a tag: the key is found behind its tag', () => {
  expect(errorOf(`${HEAD}items:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: settings, namespace: prod}\n  data:\n    !foo k: v\n`)).toMatchObject({
    message: expect.stringMatching(/^ConfigMap prod\/settings data: a key is a value tagged !foo \("k"\) at line 8, column 5;/),
    resourceRef: CONFIG_MAP,
    field: 'data',
  });
});

test('a control character, in a document of a file (files mode: the document is the resource)', () => {
  expect(errorOf('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings, namespace: prod}\ndata: {a: "x\u0001"}\n', 'cm.yaml')).toEqual({
    severity: 'error',
    code: 'invalid-input',
    message:
      'ConfigMap prod/settings data.a: the control character U+0001 at line 4, column 13 is not allowed in YAML; remove it, or write it as the escape "\\u0001" in a double-quoted string',
    resourceRef: CONFIG_MAP,
    field: 'data.a',
  });
});

test('a control character outside any resource', () => {
  expect(errorOf(`${HEAD}# \u007f\nitems: []\n`)).toEqual({
    severity: 'error',
    code: 'invalid-input',
    message:
      'the input ResourceList: the control character U+007F at line 3, column 3 is not allowed in YAML; remove it, or write it as the escape "\\u007f" in a double-quoted string',
  });
});

test('tab, line feed, carriage return, NEL and non-ASCII text are allowed', () => {
  expect(errorOf(`${HEAD}items:\r\n- {kind: ConfigMap, data: {a: "\t\u0085é😀"}}\n`)).toBeUndefined();
});

test('nesting deeper than the parser reaches: where it starts, not its thousandth level', () => {
  const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
  expect(errorOf(`${HEAD}items:\n- {apiVersion: v1, kind: Service, metadata: {name: web}, spec: {deep: ${deep}}}\n`)).toMatchObject({
    message: expect.stringMatching(/^Service web spec\.deep is nested too deeply to read \(at line 4, column \d+\); flatten it/),
    resourceRef: { apiVersion: 'v1', kind: 'Service', name: 'web' },
    field: 'spec.deep',
  });
});

test('!!binary and !!timestamp stay the text written, tag included', () => {
  const text = `${HEAD}items:\n- {kind: Secret, data: {key: !!binary aGVsbG8=, at: !!timestamp 2001-12-14}}\n`;
  const parsed = parseYamlDocuments(text, 'x');
  expect(parsed.ok && stringifyNode(parsed.value[0]?.contents as YAMLMap)).toBe(text);
});

test('a key written twice names the resource, the key and its place', () => {
  expect(errorOf(`${HEAD}items:\n- {apiVersion: v1, kind: ConfigMap, metadata: {name: web}, data: {a: '1', a: '2'}}\n`)).toMatchObject({
    message:
      'ConfigMap web data.a: the key "a" at line 4, column 75 is written twice in one mapping; Map keys must be unique (Kubernetes would keep only one value): remove one of them',
    resourceRef: { apiVersion: 'v1', kind: 'ConfigMap', name: 'web' },
    field: 'data.a',
  });
});

test('other syntax errors keep the parser’s words', () => {
  expect(errorOf(`${HEAD}items:\n- {kind: ConfigMap, data: [a}\n`)).toEqual({
    severity: 'error',
    code: 'invalid-input',
    message: expect.stringMatching(/^the input ResourceList is not valid YAML: .* at line 4, column \d+; fix the YAML syntax there$/),
  });
});
