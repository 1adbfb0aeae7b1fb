/**
 * Files mode: set or remove the generator-owned pod label by editing the file's text at the node's source
 * range, so that every other byte of the user's file (comments, quoting, layout) stays as it was.
 */
import { isAlias, isCollection, isMap, isNode, isPair, isScalar, Pair } from 'yaml';
import type { Alias, Document, YAMLMap } from 'yaml';
import { aliasTarget } from './aliasTarget';
import { aliasesTo } from './anchors';
import type { Item } from './item';
import { stringifyNode } from './resourceList';
import { needsQuotes, toNode } from './yamlNodes';
import { LABEL_SERVICE } from '../names';

const LABELS = ['spec', 'template', 'metadata', 'labels'];

export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

const scalarText = (value: string): string => (needsQuotes(value) || /[:#{}[\],&*!|>'"%@`]/.test(value) ? JSON.stringify(value) : value);

/** Offset just past the end of the line that holds `offset`. */
function lineEnd(text: string, offset: number): number {
  const newline = text.indexOf('\n', Math.max(0, offset));
  return newline < 0 ? text.length : newline + 1;
}

const lineStart = (text: string, offset: number): number => text.lastIndexOf('\n', offset - 1) + 1;

/** The edit of a labels map that gives it `LABEL_SERVICE: service` (or none of it); undefined if not possible. */
function mapEdit(text: string, labels: YAMLMap, service: string | undefined): TextEdit | undefined {
  if (!labels.range) return undefined;
  const index = labels.items.findIndex((pair) => isScalar(pair.key) && pair.key.value === LABEL_SERVICE);
  const pair = labels.items[index];
  const keyRange = isScalar(pair?.key) ? pair.key.range : undefined;
  const valueRange = isScalar(pair?.value) ? pair.value.range : undefined;
  if (pair && !valueRange) return undefined;
  if (service !== undefined && valueRange) return { start: valueRange[0], end: valueRange[1], text: scalarText(service) };
  if (service === undefined) {
    if (!keyRange || !valueRange) return undefined;
    if (!labels.flow) return { start: lineStart(text, keyRange[0]), end: lineEnd(text, valueRange[1] - 1), text: '' };
    const next = labels.items[index + 1]?.key;
    const previous = labels.items[index - 1]?.value;
    if (isScalar(next) && next.range) return { start: keyRange[0], end: next.range[0], text: '' };
    if (isScalar(previous) && previous.range) return { start: previous.range[1], end: valueRange[1], text: '' };
    return { start: keyRange[0], end: valueRange[1], text: '' };
  }
  const entry = `${LABEL_SERVICE}: ${scalarText(service)}`;
  if (labels.flow) {
    const close = labels.range[1] - 1;
    return { start: close, end: close, text: labels.items.length > 0 ? `, ${entry}` : entry };
  }
  const first = labels.items[0]?.key;
  const last = labels.items[labels.items.length - 1]?.value;
  const lastRange = isNode(last) ? last.range : undefined;
  if (!isScalar(first) || !first.range || !lastRange) return undefined;
  const indent = ' '.repeat(first.range[0] - lineStart(text, first.range[0]));
  const at = lineEnd(text, lastRange[1] - 1);
  const eol = text[lineEnd(text, first.range[0]) - 2] === '\r' ? '\r\n' : '\n';
  const newline = at === text.length && !text.endsWith('\n') ? eol : '';
  return { start: at, end: at, text: `${newline}${indent}${entry}${eol}` };
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
function aliasEdit(alias: Alias, rest: readonly string[], doc: Document, service: string | undefined): TextEdit | undefined {
  const copy = flowCopy(alias, doc);
  const labels = isMap(copy) && rest.length > 0 ? copy.getIn(rest, true) : copy;
  if (!isMap(copy) || !isMap(labels) || !alias.range) return undefined;
  if (service === undefined) labels.delete(LABEL_SERVICE);
  else labels.set(toNode(LABEL_SERVICE), toNode(service));
  const text = flowText(copy);
  return text === undefined ? undefined : { start: alias.range[0], end: alias.range[1], text };
}

/**
 * The edits that give the workload's pod template `LABEL_SERVICE: service` (or none of it); undefined if not possible.
 * The change shows in the pod labels only, as relabelNode makes it: an alias on the way to the labels becomes a copy,
 * and aliases elsewhere that show a map on the way (`matchLabels: *labels`) become a copy of it as it was.
 */
export function relabelEdit(text: string, item: Item, service: string | undefined): TextEdit[] | undefined {
  const maps: YAMLMap[] = [item.node];
  let edit: TextEdit | undefined;
  for (const [i, key] of LABELS.entries()) {
    const value = maps[i]?.get(key, true);
    if (isAlias(value)) {
      edit = aliasEdit(value, LABELS.slice(i + 1), item.doc, service);
      break;
    }
    if (!isMap(value)) return undefined;
    maps.push(value);
  }
  const labels = maps[LABELS.length];
  if (labels) edit = mapEdit(text, labels, service);
  if (!edit) return undefined;
  const copies: TextEdit[] = [];
  for (const map of maps) {
    for (const alias of aliasesTo(map, item.doc)) {
      const copy = flowCopy(map, item.doc) as YAMLMap;
      const line = flowText(copy);
      if (!alias.range || line === undefined) return undefined;
      copies.push({ start: alias.range[0], end: alias.range[1], text: line });
    }
  }
  return [...copies, edit];
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
