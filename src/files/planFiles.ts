/**
 * Files mode, planning: the transform's output → the new content of every file that changes (null: delete).
 * Generated files are written whole; a user's file changes only where a workload's pod label changes.
 */
import { stringifyNode } from '../krm/resourceList';
import { toNode } from '../krm/yamlNodes';
import type { Item } from '../krm/item';
import type { Output } from '../output/merge';
import type { SourceFile } from './readFiles';
import { applyEdits, relabelEdit } from '../krm/relabelText';
import type { TextEdit } from '../krm/relabelText';

export type FileChanges = ReadonlyMap<string, string | null>;

function generatedFiles(output: Output): Map<string, string> {
  const byPath = new Map<string, string[]>();
  for (const p of output.generated) byPath.set(p.path, [...(byPath.get(p.path) ?? []), stringifyNode(toNode(p.body))]);
  return new Map([...byPath].map(([path, docs]) => [path, docs.join('---\n')]));
}

function relabeledFiles(files: readonly SourceFile[], output: Output<Item>): Map<string, string> {
  const edits = new Map<string, TextEdit[]>();
  const texts = new Map(files.map((f) => [f.path, f.text]));
  for (const [item, service] of output.relabel) {
    const path = item.file?.path;
    const text = path === undefined ? undefined : texts.get(path);
    if (path === undefined || text === undefined) continue;
    const edit = relabelEdit(text, item, service);
    if (edit) edits.set(path, [...(edits.get(path) ?? []), ...edit]);
  }
  return new Map([...edits].map(([path, list]) => [path, applyEdits(texts.get(path) ?? '', list)]));
}

export function planFiles(files: readonly SourceFile[], output: Output<Item>): FileChanges {
  const current = new Map(files.map((f) => [f.path, f.text]));
  const changes = new Map<string, string | null>();
  for (const path of output.staleFiles) changes.set(path, null);
  for (const [path, text] of [...relabeledFiles(files, output), ...generatedFiles(output)]) {
    changes.delete(path);
    if (current.get(path) !== text) changes.set(path, text);
  }
  return new Map([...changes].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
