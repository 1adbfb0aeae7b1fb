/**
 * Files mode, for people: where a result points as `file:line` instead of a document index (`north/ledger.yaml:12`,
 * not `north/ledger.yaml[0]`). The line is the field's key when the result names a field that is there, else the
 * first line of the resource.
 */
import { isMap, isNode, isScalar, isSeq } from 'yaml';
import type { Item } from '../krm/item';
import { lineAndColumn } from '../krm/locate';
import type { Result } from '../krm/result';
import type { SourceFile } from './readFiles';

export type LineOf = (result: Result) => number | undefined;

/** The key of the map that the field path `rest` starts with (`a.b`, `["a.b"]`, or a key with dots as it is), and the rest. */
function nextKey(keys: readonly string[], rest: string): { key: string; rest: string } | undefined {
  let best: { key: string; rest: string } | undefined;
  for (const key of keys) {
    for (const written of [key, `[${JSON.stringify(key)}]`]) {
      const after = rest.slice(written.length);
      if (rest.startsWith(written) && /^(?:$|\.|\[)/.test(after) && (!best || written.length > rest.length - best.rest.length))
        best = { key, rest: after.replace(/^\./, '') };
    }
  }
  return best;
}

/** The offset of the deepest key (or list entry) of the field that the resource has. */
function fieldOffset(item: Item, field: string): number | undefined {
  let node: unknown = item.node;
  let offset = item.node.range?.[0];
  let rest = field;
  while (rest !== '') {
    const index = /^\[(\d+)\]\.?/.exec(rest);
    if (isSeq(node) && index) {
      const entry: unknown = node.items[Number(index[1])];
      if (!isNode(entry)) break;
      offset = entry.range?.[0] ?? offset;
      node = entry;
      rest = rest.slice(index[0].length);
      continue;
    }
    if (!isMap(node)) break;
    const pairs = node.items.filter((p) => isScalar(p.key));
    const next = nextKey(
      pairs.map((p) => String((p.key as { value: unknown }).value)),
      rest,
    );
    const pair = next && pairs.find((p) => String((p.key as { value: unknown }).value) === next.key);
    if (!next || !pair || !isScalar(pair.key)) break;
    offset = pair.key.range?.[0] ?? offset;
    node = pair.value;
    rest = next.rest;
  }
  return offset;
}

export function lineLocator(files: readonly SourceFile[], items: readonly Item[]): LineOf {
  const texts = new Map(files.map((f) => [f.path, f.text]));
  const byDocument = new Map(items.map((item) => [`${item.file?.path ?? ''}\0${item.file?.index ?? ''}`, item]));
  return (result) => {
    if (!result.file || result.file.index === undefined) return undefined;
    const item = byDocument.get(`${result.file.path}\0${result.file.index}`);
    const text = texts.get(result.file.path);
    const offset = item ? (result.field === undefined ? item.node.range?.[0] : fieldOffset(item, result.field)) : undefined;
    return text === undefined || offset === undefined ? undefined : lineAndColumn(text, offset).line;
  };
}
