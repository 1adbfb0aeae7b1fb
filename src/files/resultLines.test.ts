import { readFiles } from './readFiles';
import { lineLocator } from './resultLines';
import type { Result } from '../krm/result';

const text = `# a comment
apiVersion: v1
kind: ConfigMap
metadata: {name: first}
---
apiVersion: v1
kind: Service
metadata:
  name: ledger
  annotations:
    multicluster-routes.dev/routes: |
      - to: v1
  labels:
    app.kubernetes.io/name: ledger
spec:
  ports:
  - name: http
    port: 80
  - name: grpc
    port: 81
`;
const files = [{ path: 'north/ledger.yaml', text }];
const lineOf = lineLocator(files, readFiles(files).items);
const at = (index: number, field?: string): number | undefined =>
  lineOf({ severity: 'error', code: 'x', message: 'm', file: { path: 'north/ledger.yaml', index }, ...(field === undefined ? {} : { field }) } as Result);

test.each([
  ['no field: the first line of the resource', 1, undefined, 6],
  ['a key with dots, as it is', 1, 'metadata.annotations.multicluster-routes.dev/routes', 11],
  ['a key in brackets', 1, 'metadata.labels["app.kubernetes.io/name"]', 14],
  ['a list index', 1, 'spec.ports[1].port', 20],
  ['a field the resource does not have: its deepest existing key', 1, 'spec.selector.app', 15],
  ['the first document', 0, 'metadata.name', 4],
])('%s', (_name, index, field, line) => {
  expect(at(index, field)).toBe(line);
});

test('a result without a document index, or of another file, has no line', () => {
  expect(lineOf({ severity: 'error', code: 'x', message: 'm', file: { path: 'north/ledger.yaml' } })).toBeUndefined();
  expect(lineOf({ severity: 'error', code: 'x', message: 'm', file: { path: 'south.yaml', index: 0 } })).toBeUndefined();
});
