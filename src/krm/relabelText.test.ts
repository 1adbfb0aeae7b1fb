import { parseAllDocuments, parseDocument } from 'yaml';
import type { YAMLMap } from 'yaml';
import { Item } from './item';
import { relabelNode } from './relabelNode';
import { applyEdits, relabelEdit } from './relabelText';

function relabel(text: string, service: string | undefined): string {
  const docs = parseAllDocuments(text, { schema: 'failsafe' });
  const edits = (Array.isArray(docs) ? docs : []).flatMap((doc) => {
    return relabelEdit(text, new Item(doc.contents as YAMLMap, doc), service) ?? [];
  });
  return applyEdits(text, edits);
}

const block = (labels: string): string =>
  `kind: Deployment # keep\nspec:\n  template:\n    metadata:\n      labels: # pod labels\n${labels}    spec:\n      containers: [] # x\n`;

test('adds the label under a block map, keeping every other byte', () => {
  expect(relabel(block('        app: reviews\n        version: v1 # v\n'), 'reviews')).toBe(
    block('        app: reviews\n        version: v1 # v\n        multicluster-routes.dev/service: reviews\n'),
  );
});
test('adds the label to a flow map', () => {
  const text = "spec:\n  template:\n    metadata:\n      labels: {app: reviews, 'version': v1}\n";
  expect(relabel(text, 'reviews')).toBe(
    "spec:\n  template:\n    metadata:\n      labels: {app: reviews, 'version': v1, multicluster-routes.dev/service: reviews}\n",
  );
});
test('changes an existing value in place', () => {
  expect(relabel(block('        multicluster-routes.dev/service: old # mine\n        app: reviews\n'), 'reviews')).toBe(
    block('        multicluster-routes.dev/service: reviews # mine\n        app: reviews\n'),
  );
});
test('removes the label from a block map', () => {
  expect(relabel(block('        app: reviews\n        multicluster-routes.dev/service: reviews\n        version: v1\n'), undefined)).toBe(
    block('        app: reviews\n        version: v1\n'),
  );
});
test('removes the label from a flow map, first, middle or last', () => {
  const flow = (labels: string) => `spec: {template: {metadata: {labels: {${labels}}}}}\n`;
  expect(relabel(flow('multicluster-routes.dev/service: r, app: r'), undefined)).toBe(flow('app: r'));
  expect(relabel(flow('app: r, multicluster-routes.dev/service: r, v: 1'), undefined)).toBe(flow('app: r, v: 1'));
  expect(relabel(flow('app: r, multicluster-routes.dev/service: r'), undefined)).toBe(flow('app: r'));
});
test('a service name that would read as a number is quoted', () => {
  expect(relabel('spec:\n  template:\n    metadata:\n      labels:\n        app: x', '123')).toBe(
    'spec:\n  template:\n    metadata:\n      labels:\n        app: x\n        multicluster-routes.dev/service: "123"\n',
  );
});
test('edits the right document of a multi-document file', () => {
  const text = `${block('        app: a\n')}---\n${block('        app: b\n')}`;
  expect(relabel(text, 's')).toBe(
    `${block('        app: a\n        multicluster-routes.dev/service: s\n')}---\n${block('        app: b\n        multicluster-routes.dev/service: s\n')}`,
  );
});

describe('labels shared through YAML anchors and aliases', () => {
  const spec = (selector: string, labels: string): string =>
    `spec:\n  selector:\n    matchLabels: ${selector}\n  template:\n    metadata:\n      labels: ${labels}\n`;

  test('labels written as an alias become a copy of the map they show, with the label', () => {
    expect(relabel(spec('&sel {app: r, version: v1}', '*sel'), 'r')).toBe(
      spec('&sel {app: r, version: v1}', '{app: r, version: v1, multicluster-routes.dev/service: r}'),
    );
  });
  test('a block map behind the alias is copied in flow style', () => {
    const text = 'spec:\n  selector:\n    matchLabels: &sel\n      app: r\n  template:\n    metadata:\n      labels: *sel\n';
    expect(relabel(text, 'r')).toBe(text.replace('labels: *sel', 'labels: {app: r, multicluster-routes.dev/service: r}'));
  });
  test('an alias elsewhere that shows the labels keeps their value as it was', () => {
    const text = 'spec:\n  template:\n    metadata:\n      labels: &pod {app: r}\n  selector:\n    matchLabels: *pod\n';
    expect(relabel(text, 'r')).toBe(
      'spec:\n  template:\n    metadata:\n      labels: &pod {app: r, multicluster-routes.dev/service: r}\n  selector:\n    matchLabels: {app: r}\n',
    );
  });
  test('removing the label from labels written as an alias', () => {
    expect(relabel(spec('&sel {app: r, multicluster-routes.dev/service: r}', '*sel'), undefined)).toBe(
      spec('&sel {app: r, multicluster-routes.dev/service: r}', '{app: r}'),
    );
  });
});

test('comments in the map behind the alias are left out of its one-line copy', () => {
  const text = 'spec:\n  selector:\n    matchLabels: &sel\n      # the app\n      app: r # r\n  template:\n    metadata:\n      labels: *sel\n';
  expect(relabel(text, 'r')).toBe(text.replace('labels: *sel', 'labels: {app: r, multicluster-routes.dev/service: r}'));
});

describe('aliases on the way to the labels: the same values as relabelNode (the exact KRM path) gives', () => {
  /** The document as JSON after relabelNode changes its nodes. */
  function byNodes(text: string, service: string | undefined): unknown {
    const doc = parseDocument(text, { schema: 'failsafe' });
    relabelNode(new Item(doc.contents as YAMLMap, doc), service);
    return parseDocument(String(doc), { schema: 'failsafe' }).toJS();
  }
  const meta = 'metadata: &meta\n  name: &n web\n  labels: &l {app: *n, version: v1}\n';

  test.each([
    ['labels written as an alias of a map that holds an alias', `${meta}spec:\n  template:\n    metadata:\n      labels: *l\n`],
    ['pod metadata written as an alias', `${meta}spec:\n  template: {metadata: *meta}\n`],
    ['pod template written as an alias', `x: &t {metadata: {labels: {app: r}}}\nspec:\n  template: *t\n`],
    ['a map on the way anchored and shown elsewhere', `spec:\n  template: &t\n    metadata: {labels: {app: r}}\nother: *t\n`],
    [
      'labels that hold an alias, shown elsewhere',
      `name: &n r\nspec:\n  template:\n    metadata:\n      labels: &l {app: *n}\n  selector: {matchLabels: *l}\n`,
    ],
  ])('%s', (_name, text) => {
    const added = relabel(text, 'r');
    expect(added).not.toBe(text);
    expect(parseDocument(added, { schema: 'failsafe' }).toJS()).toEqual(byNodes(text, 'r'));
    const removed = relabel(added, undefined);
    expect(removed).not.toBe(added);
    expect(parseDocument(removed, { schema: 'failsafe' }).toJS()).toEqual(byNodes(added, undefined));
  });

  test('a pod label whose value is an alias cannot be edited as text', () => {
    const text = 'n: &n r\nspec: {template: {metadata: {labels: {app: r, multicluster-routes.dev/service: *n}}}}\n';
    const doc = parseDocument(text, { schema: 'failsafe' });
    expect(relabelEdit(text, new Item(doc.contents as YAMLMap, doc), 's')).toBeUndefined();
  });
});
