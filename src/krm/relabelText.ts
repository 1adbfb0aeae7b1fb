/**
 * Set or remove generator-owned pod labels on the nodes (exact KRM path), or in the text at the nodes' source
 * ranges, so that every other byte of the user's file (comments, quoting, layout) stays as it was.
 */
import { isAlias, isCollection, isMap, isNode, isPair, isScalar, Pair } from 'yaml';
import type { Alias, Document, YAMLMap } from 'yaml';
import { aliasTarget } from './aliasTarget';
import { aliasesTo } from './anchors';
import type { Item } from './item';
import { stringifyNode } from './resourceList';
import { deleteIn, escapedScalar, hasUnsafeRaw, needsQuotes, setIn, toNode } from './yamlNodes';

/** Pod-label changes, in order: each key set to its value, or removed (undefined). */
export type LabelChanges = ReadonlyArray<readonly [key: string, value: string | undefined]>;
export const POD_LABELS = ['spec', 'template', 'metadata', 'labels'] as const;

export type TextEdit = { readonly start: number; readonly end: number; readonly text: string };

export const scalarText = (value: string): string =>
  needsQuotes(value) || hasUnsafeRaw(value) || /[:#{}[\],&*!|>'"%@`]/.test(value) ? escapedScalar(value) : value;

/** Offset just past the end of the line that holds `offset`. */
const lineEnd = (text: string, offset: number): number => text.indexOf('\n', Math.max(0, offset)) + 1 || text.length;

const lineStart = (text: string, offset: number): number => text.lastIndexOf('\n', offset - 1) + 1;

/** New entries after the last one of a labels map; undefined if not possible. */
function addition(text: string, labels: YAMLMap, entries: readonly string[], kept: boolean): TextEdit | undefined {
  if (labels.flow) return labels.range ? { start: labels.range[1] - 1, end: labels.range[1] - 1, text: `${kept ? ', ' : ''}${entries.join(', ')}` } : undefined;
  const [first, last] = [labels.items[0]?.key, labels.items[labels.items.length - 1]?.value];
  if (!isScalar(first) || !first.range || !isNode(last) || !last.range) return undefined;
  const indent = ' '.repeat(first.range[0] - lineStart(text, first.range[0]));
  const at = lineEnd(text, last.range[1] - 1);
  const eol = text[lineEnd(text, first.range[0]) - 2] === '\r' ? '\r\n' : '\n';
  const newline = at === text.length && !text.endsWith('\n') ? eol : '';
  return { start: at, end: at, text: newline + entries.map((entry) => `${indent}${entry}${eol}`).join('') };
}

/**
 * The edits that make the changes to a labels map; undefined if not possible. A removed entry of a flow map goes with
 * the comma before it, or, while every entry before it goes too, with the comma after it.
 */
function mapEdits(text: string, labels: YAMLMap, changes: LabelChanges): TextEdit[] | undefined {
  const wanted = new Map(changes);
  const edits: TextEdit[] = [];
  const cut = (start: number, end: number): number => edits.push({ start, end, text: '' });
  let leading = true;
  for (const [i, { key, value }] of labels.items.entries()) {
    const change = isScalar(key) && typeof key.value === 'string' && wanted.has(key.value) ? wanted.get(key.value) : null;
    leading &&= change === undefined;
    if (change === null) continue;
    if (!isScalar(key) || !key.range || !isScalar(value) || !value.range) return undefined;
    const [next, previous] = [labels.items[i + 1]?.key, labels.items[i - 1]?.value];
    if (change !== undefined) edits.push({ start: value.range[0], end: value.range[1], text: scalarText(change) });
    else if (!labels.flow) cut(lineStart(text, key.range[0]), lineEnd(text, value.range[1] - 1));
    else if (leading) cut(key.range[0], isNode(next) && next.range ? next.range[0] : value.range[1]);
    else cut(isNode(previous) && previous.range ? previous.range[1] : key.range[0], value.range[1]);
  }
  const added = changes.flatMap(([key, value]) => (value === undefined || labels.has(key) ? [] : [`${scalarText(key)}: ${scalarText(value)}`]));
  const more = added.length > 0 ? addition(text, labels, added, !leading) : undefined;
  return added.length === 0 ? edits : more && [...edits, more];
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
function aliasEdit(alias: Alias, rest: readonly string[], doc: Document, changes: LabelChanges): TextEdit[] | undefined {
  const copy = flowCopy(alias, doc);
  const labels = isMap(copy) && rest.length > 0 ? copy.getIn(rest, true) : copy;
  if (!isMap(copy) || !isMap(labels) || !alias.range) return undefined;
  for (const [key, value] of changes)
    if (value === undefined) labels.delete(key);
    else labels.set(toNode(key), toNode(value));
  const text = flowText(copy);
  return text === undefined ? undefined : [{ start: alias.range[0], end: alias.range[1], text }];
}

/**
 * The edits that make the changes to the workload's pod labels; undefined if not possible. They show there only, as
 * relabelNode makes them: an alias on the way to the labels becomes a copy, and aliases elsewhere that show a map on
 * the way (`matchLabels: *labels`) become a copy of it as it was.
 */
export function relabelEdit(text: string, item: Item, changes: LabelChanges): TextEdit[] | undefined {
  const maps: YAMLMap[] = [item.node];
  let edits: TextEdit[] | undefined;
  for (const [i, key] of POD_LABELS.entries()) {
    const value = maps[i]?.get(key, true);
    if (isAlias(value)) {
      edits = aliasEdit(value, POD_LABELS.slice(i + 1), item.doc, changes);
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
      const line = flowText(flowCopy(map, item.doc) as YAMLMap);
      if (!alias.range || line === undefined) return undefined;
      copies.push({ start: alias.range[0], end: alias.range[1], text: line });
    }
  }
  return [...copies, ...edits];
}

/** Apply non-overlapping edits to a text, in one pass (a file may hold thousands of workloads). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const parts: string[] = [];
  let at = 0;
  for (const edit of [...edits].sort((a, b) => a.start - b.start)) {
    parts.push(text.slice(at, edit.start), edit.text);
    at = edit.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

export function relabelNode(item: Item, changes: LabelChanges): void {
  for (const [key, value] of changes)
    if (value !== undefined) setIn(item.node, [...POD_LABELS, key], value, item.doc);
    else deleteIn(item.node, [...POD_LABELS, key], item.doc);
}
