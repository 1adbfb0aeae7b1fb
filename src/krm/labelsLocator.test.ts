import { parseDocument } from 'yaml';
import type { YAMLMap, YAMLSeq } from 'yaml';
import { Item } from './item';
import { locateRelabel } from './labelsLocator';
import { applyEdits, relabelEdit } from './relabelText';

/** What the parser-based edit gives for the same item text (a list item, as in a ResourceList). */
function byParser(text: string, service: string | undefined): string {
  const doc = parseDocument(text, { schema: 'failsafe' });
  const node = (doc.contents as YAMLSeq).items[0] as YAMLMap;
  const edits = relabelEdit(text, new Item(node, doc), service);
  return edits ? applyEdits(text, edits) : text;
}

const deployment = (labels: string, extra = ''): string =>
  `- # head comment\n  apiVersion: apps/v1\n  kind: Deployment\n  metadata:\n    name: x\n    labels: {app: x}\n  spec:\n    replicas: 1${extra}\n    selector:\n      matchLabels: {app: x}\n    template:\n      metadata:\n        annotations:\n          a: b\n        labels:\n${labels}      spec:\n        containers:\n        - name: x\n          image: x\n`;

describe.each([
  ['a plain block', '          app: x\n          version: v1\n'],
  ['comments and blank lines', '          app: x # the app\n\n          # the version\n          version: v1\n'],
  ['our label already there', '          app: x\n          multicluster-routes.dev/service: old\n          version: v1\n'],
  ['our label with a comment', '          multicluster-routes.dev/service: x   # generated\n          app: x\n'],
])('%s', (_name, labels) => {
  const text = deployment(labels, '\n    strategy:\n      type: RollingUpdate');
  test.each([['reviews'], [undefined]])('set to %s: the same text as the parser-based edit', (service) => {
    const edit = locateRelabel(text, service);
    const expected = byParser(text, service);
    if (edit === undefined) expect(expected).toBe(text);
    else expect(applyEdits(text, [edit])).toBe(expected);
  });
});

test.each([
  ['flow labels', deployment('').replace('        labels:\n', '        labels: {app: x}\n')],
  ['quoted values', deployment('          app: "x"\n')],
  ['no trailing newline after the labels', '- apiVersion: apps/v1\n  spec:\n    template:\n      metadata:\n        labels:\n          app: x'],
])('%s: left to the parser', (_name, text) => {
  expect(locateRelabel(text, 'reviews')).toBeUndefined();
});
