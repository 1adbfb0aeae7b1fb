import { parseDocument } from 'yaml';
import type { YAMLMap, YAMLSeq } from 'yaml';
import { Item } from './item';
import { locateRelabel } from './labelsLocator';
import type { LabelChanges } from './relabelText';
import { applyEdits, relabelEdit } from './relabelText';

/** What the parser-based edit gives for the same item text (a list item, as in a ResourceList). */
function byParser(text: string, changes: LabelChanges): string {
  const doc = parseDocument(text, { schema: 'failsafe' });
  const node = (doc.contents as YAMLSeq).items[0] as YAMLMap;
  const edits = relabelEdit(text, new Item(node, doc), changes);
  return edits ? applyEdits(text, edits) : text;
}

const deployment = (labels: string, extra = ''): string =>
  `- # head comment\n  apiVersion: apps/v1\n  kind: Deployment\n  metadata:\n    name: x\n    labels: {app: x}\n  spec:\n    replicas: 1${extra}\n    selector:\n      matchLabels: {app: x}\n    template:\n      metadata:\n        annotations:\n          a: b\n        labels:\n${labels}      spec:\n        containers:\n        - name: x\n          image: x\n`;

describe.each([
  ['a plain block', '          app: x\n          version: v1\n'],
  ['comments and blank lines', '          app: x # the app\n\n          # the version\n          version: v1\n'],
  ['the legacy label', '          app: x\n          multicluster-routes.dev/service: old\n          version: v1\n'],
  [
    'our labels with comments',
    '          service.multicluster-routes.dev/a: "true"   # generated\n          app: x\n          service.multicluster-routes.dev/b: "false"\n',
  ],
  ['quoted values', '          app: "x"\n          service.multicluster-routes.dev/b: "true"\n'],
])('%s', (_name, labels) => {
  const text = deployment(labels, '\n    strategy:\n      type: RollingUpdate');
  const key = (s: string): string => `service.multicluster-routes.dev/${s}`;
  test.each<[string, LabelChanges]>([
    [
      'add one, remove the legacy label',
      [
        ['multicluster-routes.dev/service', undefined],
        [key('reviews'), 'true'],
      ],
    ],
    [
      'remove every label of ours',
      [
        ['multicluster-routes.dev/service', undefined],
        [key('a'), undefined],
        [key('b'), undefined],
      ],
    ],
    [
      'set, add and remove',
      [
        [key('a'), undefined],
        [key('b'), 'true'],
        [key('c'), 'true'],
        [key('d'), 'true'],
      ],
    ],
  ])('%s: the same text as the parser-based edit, or left to it when a value changes in place', (_change, changes) => {
    const edits = locateRelabel(text, changes);
    expect(edits === undefined).toBe(changes.some(([k, v]) => v !== undefined && labels.includes(`${k}:`)));
    if (edits) expect(applyEdits(text, edits)).toBe(byParser(text, changes));
  });
});

test.each([
  ['flow labels', deployment('').replace('        labels:\n', '        labels: {app: x}\n')],
  ['single-quoted values', deployment("          app: 'x'\n")],
  ['no trailing newline after the labels', '- apiVersion: apps/v1\n  spec:\n    template:\n      metadata:\n        labels:\n          app: x'],
])('%s: left to the parser', (_name, text) => {
  expect(locateRelabel(text, [['service.multicluster-routes.dev/reviews', 'true']])).toBeUndefined();
});
