/**
 * Files mode, planning: the transform's output → the new content of every file that changes (null: delete).
 * Generated files are written whole; a user's file changes only where a workload's pod label changes.
 */
import { stringifyNode } from '../krm/resourceList';
import { toNode } from '../krm/yamlNodes';
import type { Item } from '../krm/item';
import type { Output } from '../output/merge';
import { isSkippedFolder } from './readFiles';
import type { SourceFile } from './readFiles';
import { applyEdits, relabelEdit } from '../krm/relabelText';
import type { LabelChanges, TextEdit } from '../krm/relabelText';
import type { Result } from '../krm/result';

export type FileChanges = ReadonlyMap<string, string | null>;

function generatedFiles(output: Output): Map<string, string> {
  const byPath = new Map<string, string[]>();
  for (const p of output.generated) {
    const docs = byPath.get(p.path) ?? [];
    if (docs.length === 0) byPath.set(p.path, docs);
    docs.push(stringifyNode(toNode(p.body)));
  }
  return new Map([...byPath].map(([path, docs]) => [path, docs.join('---\n')]));
}

/**
 * An error for a generated file in a folder files mode does not read (hidden, `.git`, node_modules): it would never
 * read its own output back, so `--check` would fail for ever and stale files would never be removed.
 */
function unreadable(output: Output<Item>): Result[] {
  const paths = new Set(output.generated.map((p) => p.path).filter((path) => path.split('/').slice(0, -1).some(isSkippedFolder)));
  return [...paths].map((path) => ({
    severity: 'error',
    code: 'unread-output-path',
    message: `spec.output.path puts generated resources in ${JSON.stringify(path)}, in a folder that files mode does not read (one that starts with "." or is node_modules), so it could never recognise, check or remove its own output there; choose an output.path outside such folders`,
    field: 'spec.output.path',
    file: { path },
  }));
}

/** Pod labels of a workload that cannot be edited in the text of its file (see relabelEdit). */
function notEditable(item: Item, changes: LabelChanges): Result {
  const change = changes
    .map(([key, value]) => (value === undefined ? `remove the pod label ${key}` : `set the pod label ${key}: ${JSON.stringify(value)}`))
    .join(' and ');
  return {
    severity: 'error',
    code: 'pod-labels-not-editable',
    message: `${item.kind} ${item.name}: cannot ${change}: the pod labels are written through YAML aliases (or anchors that aliases show) that the function cannot edit in place; write spec.template.metadata.labels out as a plain map, without aliases on the way to it`,
    resourceRef: item.ref,
    field: 'spec.template.metadata.labels',
    ...(item.file ? { file: item.file } : {}),
  };
}

function relabeledFiles(files: readonly SourceFile[], output: Output<Item>, results: Result[]): Map<string, string> {
  const edits = new Map<string, TextEdit[]>();
  const texts = new Map(files.map((f) => [f.path, f.text]));
  for (const [item, changes] of output.relabel) {
    const path = item.file?.path;
    const text = path === undefined ? undefined : texts.get(path);
    if (path === undefined || text === undefined) continue;
    const edit = relabelEdit(text, item, changes);
    const list = edits.get(path) ?? [];
    if (list.length === 0) edits.set(path, list);
    if (edit) list.push(...edit);
    else results.push(notEditable(item, changes));
  }
  return new Map([...edits].map(([path, list]) => [path, applyEdits(texts.get(path) ?? '', list)]));
}

export interface FilesPlan {
  readonly changes: FileChanges;
  /** An error here means the changes are incomplete: write none of them. */
  readonly results: readonly Result[];
}

export function planFiles(files: readonly SourceFile[], output: Output<Item>): FilesPlan {
  const current = new Map(files.map((f) => [f.path, f.text]));
  const changes = new Map<string, string | null>();
  const results: Result[] = unreadable(output);
  for (const path of output.staleFiles) changes.set(path, null);
  for (const [path, text] of [...relabeledFiles(files, output, results), ...generatedFiles(output)]) {
    changes.delete(path);
    if (current.get(path) !== text) changes.set(path, text);
  }
  return { changes: new Map([...changes].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))), results };
}
