/**
 * Files mode: set or remove generator-owned pod labels by editing the file's text at the node's source
 * range, so that every other byte of the user's file (comments, quoting, layout) stays as it was.
 */
import { isAlias, isCollection, isMap, isNode, isPair, isScalar, Pair } from 'yaml';
import type { Alias, Document, YAMLMap } from 'yaml';
import { aliasTarget } from './aliasTarget';
import { aliasesTo } from './anchors';
import type { Item } from './item';
import { stringifyNode } from './resourceList';
import { needsQuotes, toNode } from './yamlNodes';
import type { LabelChanges } from './relabelNode';
import { POD_LABELS } from './relabelNode';

export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export const scalarText = (value: string): string => (needsQuotes(value) || /[:#{}[\],&*!|>'"%@`]/.test(value) ? JSON.stringify(value) : value);

/** Offset just past the end of the line that holds `offset`. */
function lineEnd(text: string, offset: number): number {
  const newline = text.indexOf('\n', Math.max(0, offset));
  return newline < 0 ? text.length : newline + 1;
}

const lineStart = (text: string, offset: number): number => text.lastIndexOf('\n', offset - 1) + 1;

/** Removed entries of a flow map: each run of neighbours is one edit, with one of the commas around it. */
function flowRemovals(labels: YAMLMap, removed: ReadonlyMap<number, readonly [number, number]>): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const [first, [start]] of removed) {
    if (removed.has(first - 1)) continue;
    let last = first;
    while (removed.has(last + 1)) last++;
    const end = (removed.get(last) as readonly [number, number])[1];
    const next = labels.items[last + 1]?.key;
    const previous = labels.items[first - 1]?.value;
    if (isScalar(next) && next.range) edits.push({ start, end: next.range[0], text: '' });
    else if (isScalar(previous) && previous.range) edits.push({ start: previous.range[1], end, text: '' });
    else edits.push({ start, end, text: '' });
  }
  return edits;
}

/** New entries after the last one of a labels map; undefined if not possible. */
function addition(text: string, labels: YAMLMap, entries: readonly string[], kept: number): TextEdit | undefined {
  if (labels.flow) {
    const close = (labels.range as [number, number, number])[1] - 1;
    return { start: close, end: close, text: `${kept > 0 ? ', ' : ''}${entries.join(', ')}` };
  }
  const first = labels.items[0]?.key;
  const last = labels.items[labels.items.length - 1]?.value;
  const lastRange = isNode(last) ? last.range : undefined;
  if (!isScalar(first) || !first.range || !lastRange) return undefined;
  const indent = ' '.repeat(first.range[0] - lineStart(text, first.range[0]));
  const at = lineEnd(text, lastRange[1] - 1);
  const newline = at === text.length && !text.endsWith('\n') ? '\n' : '';
  return { start: at, end: at, text: `${newline}${entries.map((entry) => `${indent}${entry}\n`).join('')}` };
}

/** The edits that make the changes to a labels map; undefined if not possible. */
function mapEdits(text: string, labels: YAMLMap, changes: LabelChanges): TextEdit[] | undefined {
  if (!labels.range) return undefined;
  const edits: TextEdit[] = [];
  const added: string[] = [];
  const removed = new Map<number, readonly [number, number]>();
  for (const [key, value] of changes) {
    const index = labels.items.findIndex((pair) => isScalar(pair.key) && pair.key.value === key);
    const pair = labels.items[index];
    const keyRange = isScalar(pair?.key) ? pair.key.range : undefined;
    const valueRange = isScalar(pair?.value) ? pair.value.range : undefined;
    if (!pair) {
      if (value !== undefined) added.push(`${scalarText(key)}: ${scalarText(value)}`);
    } else if (!keyRange || !valueRange) return undefined;
    else if (value !== undefined) edits.push({ start: valueRange[0], end: valueRange[1], text: scalarText(value) });
    else if (labels.flow) removed.set(index, [keyRange[0], valueRange[1]]);
    else edits.push({ start: lineStart(text, keyRange[0]), end: lineEnd(text, valueRange[1] - 1), text: '' });
  }
  edits.push(...flowRemovals(labels, removed));
  if (added.length === 0) return edits;
  const more = addition(text, labels, added, labels.items.length - removed.size);
  return more && [...edits, more];
}

/**
 * A copy of a node to stand alone on one line: no anchors (they stay with the original), no comments (they would break
 * a flow map over lines), and every alias inside replaced by a copy of what it shows, which the text at the copy's
 * place may not be able to refer to.
 */
function flowCopy(node: unknown, doc: Document): unknown {
  const source = isAlias(node) ? aliasTarget(node, doc) : node;
  if (isPair(source)) return new Pair(flowCopy(source.key, doc), flowCopy(source.value, doc));
  if (!isScalar(source) && !isCollection(source)) return source;
  const copy = Object.create(Object.getPrototypeOf(source) as object, Object.getOwnPropertyDescriptors(source)) as typeof source;
  for (const key of ['anchor', 'comment', 'commentBefore', 'spaceBefore'] as const) delete copy[key];
  if (isCollection(copy)) copy.items = copy.items.map((item: unknown) => flowCopy(item, doc)) as typeof copy.items;
  return copy;
}

/** A map as one line of flow YAML, to stand where an alias stood; undefined when it needs more lines. */
function flowText(copy: YAMLMap): string | undefined {
  copy.flow = true;
  const text = stringifyNode(copy).trimEnd();
  return text.includes('\n') ? undefined : text;
}

/**
 * An alias on the way to the labels (`labels: *sel`, `metadata: *meta`): the alias becomes a copy of the map it
 * shows, with the labels at `rest` within it changed.
 */
function aliasEdit(alias: Alias, rest: readonly string[], doc: Document, changes: LabelChanges): TextEdit | undefined {
  const copy = flowCopy(alias, doc);
  const labels = isMap(copy) && rest.length > 0 ? copy.getIn(rest, true) : copy;
  if (!isMap(copy) || !isMap(labels) || !alias.range) return undefined;
  for (const [key, value] of changes) {
    if (value === undefined) labels.delete(key);
    else labels.set(toNode(key), toNode(value));
  }
  const text = flowText(copy);
  return text === undefined ? undefined : { start: alias.range[0], end: alias.range[1], text };
}

/**
 * The edits that make the changes to the workload's pod template labels; undefined if not possible.
 * The change shows in the pod labels only, as relabelNode makes it: an alias on the way to the labels becomes a copy,
 * and aliases elsewhere that show a map on the way (`matchLabels: *labels`) become a copy of it as it was.
 */
export function relabelEdit(text: string, item: Item, changes: LabelChanges): TextEdit[] | undefined {
  const maps: YAMLMap[] = [item.node];
  let edits: TextEdit[] | undefined;
  for (const [i, key] of POD_LABELS.entries()) {
    const value = maps[i]?.get(key, true);
    if (isAlias(value)) {
      const edit = aliasEdit(value, POD_LABELS.slice(i + 1), item.doc, changes);
      edits = edit && [edit];
      break;
    }
    if (!isMap(value)) return undefined;
    maps.push(value);
  }
  const labels = maps[POD_LABELS.length];
  if (labels) edits = mapEdits(text, labels, changes);
  if (!edits) return undefined;
  const copies: TextEdit[] = [];
  for (const map of maps) {
    for (const alias of aliasesTo(map, item.doc)) {
      const copy = flowCopy(map, item.doc) as YAMLMap;
      const line = flowText(copy);
      if (!alias.range || line === undefined) return undefined;
      copies.push({ start: alias.range[0], end: alias.range[1], text: line });
    }
  }
  return [...copies, ...edits];
}

/** Apply non-overlapping edits to a text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}
