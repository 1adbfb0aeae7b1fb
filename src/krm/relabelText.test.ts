import { parseAllDocuments, parseDocument } from 'yaml';
import type { YAMLMap } from 'yaml';
import { Item } from './item';
import type { LabelChanges } from './relabelText';
import { applyEdits, relabelEdit, relabelNode } from './relabelText';

const OLD = 'multicluster-routes.dev/service';
const key = (service: string): string => `service.multicluster-routes.dev/${service}`;
/** Give the pods the label of `service` and remove the legacy label (undefined: remove both). */
const changes = (service: string | undefined): LabelChanges => [
  [OLD, undefined],
  [key(service ?? 'r'), service === undefined ? undefined : 'true'],
];

function relabel(text: string, change: string | undefined | LabelChanges): string {
  const docs = parseAllDocuments(text, { schema: 'failsafe' });
  const edits = (Array.isArray(docs) ? docs : []).flatMap((doc) => {
    return relabelEdit(text, new Item(doc.contents as YAMLMap, doc), typeof change === 'object' ? change : changes(change)) ?? [];
  });
  return applyEdits(text, edits);
}

const block = (labels: string): string =>
  `kind: Deployment # keep\nspec:\n  template:\n    metadata:\n      labels: # pod labels\n${labels}    spec:\n      containers: [] # x\n`;

/** The label of service `s` as text. */
const mine = (s: string): string => `${key(s)}: "true"`;

test('adds the label under a block map, keeping every other byte', () => {
  expect(relabel(block('        app: reviews\n        version: v1 # v\n'), 'reviews')).toBe(
    block(`        app: reviews\n        version: v1 # v\n        ${mine('reviews')}\n`),
  );
});
test('adds the label to a flow map', () => {
  const text = "spec:\n  template:\n    metadata:\n      labels: {app: reviews, 'version': v1}\n";
  expect(relabel(text, 'reviews')).toBe(`spec:\n  template:\n    metadata:\n      labels: {app: reviews, 'version': v1, ${mine('reviews')}}\n`);
});
test('changes an existing value in place', () => {
  expect(relabel(block(`        ${key('reviews')}: yes # mine\n        app: reviews\n`), 'reviews')).toBe(
    block(`        ${mine('reviews')} # mine\n        app: reviews\n`),
  );
});
test('removes the label from a block map', () => {
  expect(relabel(block(`        app: reviews\n        ${mine('r')}\n        version: v1\n`), undefined)).toBe(
    block('        app: reviews\n        version: v1\n'),
  );
});
test('removes the label from a flow map, first, middle or last', () => {
  const flow = (labels: string) => `spec: {template: {metadata: {labels: {${labels}}}}}\n`;
  expect(relabel(flow(`${mine('r')}, app: r`), undefined)).toBe(flow('app: r'));
  expect(relabel(flow(`app: r, ${mine('r')}, v: 1`), undefined)).toBe(flow('app: r, v: 1'));
  expect(relabel(flow(`app: r, ${mine('r')}`), undefined)).toBe(flow('app: r'));
});
describe('several changes at once: the legacy label and stale services go, new services come', () => {
  const flow = (labels: string) => `spec: {template: {metadata: {labels: {${labels}}}}}\n`;
  const all: LabelChanges = [
    [OLD, undefined],
    [key('b'), undefined],
    [key('a'), 'true'],
    [key('c'), 'true'],
  ];
  test.each([
    [
      'block, neighbours removed',
      block(`        app: r\n        ${OLD}: b\n        ${mine('b')}\n`),
      block(`        app: r\n        ${mine('a')}\n        ${mine('c')}\n`),
    ],
    [
      'block, one kept in place',
      block(`        ${mine('a')} # kept\n        ${OLD}: b\n        app: r\n`),
      block(`        ${mine('a')} # kept\n        app: r\n        ${mine('c')}\n`),
    ],
    ['flow, the last two removed', flow(`app: r, ${OLD}: b, ${mine('b')}`), flow(`app: r, ${mine('a')}, ${mine('c')}`)],
    ['flow, the first two removed', flow(`${OLD}: b, ${mine('b')}, app: r`), flow(`app: r, ${mine('a')}, ${mine('c')}`)],
    ['flow, all removed', flow(`${OLD}: b, ${mine('b')}`), flow(`${mine('a')}, ${mine('c')}`)],
    ['flow, removed around a kept one', flow(`${OLD}: b, app: r, ${mine('b')}, v: 1`), flow(`app: r, v: 1, ${mine('a')}, ${mine('c')}`)],
  ])('%s', (_name, text, expected) => {
    expect(relabel(text, all)).toBe(expected);
  });
});
test('a label value that would read as a boolean is quoted', () => {
  expect(relabel('spec:\n  template:\n    metadata:\n      labels:\n        app: x', 'x')).toBe(
    `spec:\n  template:\n    metadata:\n      labels:\n        app: x\n        ${mine('x')}\n`,
  );
});
test('edits the right document of a multi-document file', () => {
  const text = `${block('        app: a\n')}---\n${block('        app: b\n')}`;
  expect(relabel(text, 's')).toBe(`${block(`        app: a\n        ${mine('s')}\n`)}---\n${block(`        app: b\n        ${mine('s')}\n`)}`);
});

describe('labels shared through YAML anchors and aliases', () => {
  const spec = (selector: string, labels: string): string =>
    `spec:\n  selector:\n    matchLabels: ${selector}\n  template:\n    metadata:\n      labels: ${labels}\n`;

  test('labels written as an alias become a copy of the map they show, with the label', () => {
    expect(relabel(spec('&sel {app: r, version: v1}', '*sel'), 'r')).toBe(spec('&sel {app: r, version: v1}', `{app: r, version: v1, ${mine('r')}}`));
  });
  test('a block map behind the alias is copied in flow style', () => {
    const text = 'spec:\n  selector:\n    matchLabels: &sel\n      app: r\n  template:\n    metadata:\n      labels: *sel\n';
    expect(relabel(text, 'r')).toBe(text.replace('labels: *sel', `labels: {app: r, ${mine('r')}}`));
  });
  test('an alias elsewhere that shows the labels keeps their value as it was', () => {
    const text = 'spec:\n  template:\n    metadata:\n      labels: &pod {app: r}\n  selector:\n    matchLabels: *pod\n';
    expect(relabel(text, 'r')).toBe(`spec:\n  template:\n    metadata:\n      labels: &pod {app: r, ${mine('r')}}\n  selector:\n    matchLabels: {app: r}\n`);
  });
  test('removing the label from labels written as an alias', () => {
    expect(relabel(spec(`&sel {app: r, ${OLD}: r, ${mine('r')}}`, '*sel'), undefined)).toBe(spec(`&sel {app: r, ${OLD}: r, ${mine('r')}}`, '{app: r}'));
  });
});

test('comments in the map behind the alias are left out of its one-line copy', () => {
  const text = 'spec:\n  selector:\n    matchLabels: &sel\n      # the app\n      app: r # r\n  template:\n    metadata:\n      labels: *sel\n';
  expect(relabel(text, 'r')).toBe(text.replace('labels: *sel', `labels: {app: r, ${mine('r')}}`));
});

describe('aliases on the way to the labels: the same values as relabelNode (the exact KRM path) gives', () => {
  /** The document as JSON after relabelNode changes its nodes. */
  function byNodes(text: string, service: string | undefined): unknown {
    const doc = parseDocument(text, { schema: 'failsafe' });
    relabelNode(new Item(doc.contents as YAMLMap, doc), changes(service));
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
    const text = `n: &n r\nspec: {template: {metadata: {labels: {app: r, ${key('s')}: *n}}}}\n`;
    const doc = parseDocument(text, { schema: 'failsafe' });
    expect(relabelEdit(text, new Item(doc.contents as YAMLMap, doc), changes('s'))).toBeUndefined();
  });
});
