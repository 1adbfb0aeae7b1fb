/**
 * The fast reader's first step: find where each item of a block-style ResourceList starts and ends, by indentation
 * alone, without parsing the items. Items the function does not read are never parsed and pass through as the
 * exact bytes they came in. Anything unusual (flow style, JSON, tabs, odd top-level lines) returns undefined and
 * the caller parses the whole text instead.
 */

import { stripComment } from '../util';

export interface Slice {
  readonly start: number;
  readonly end: number;
}

export interface SplitList {
  readonly items: readonly Slice[];
  /** The whole `functionConfig:` block, key line included. */
  readonly functionConfig: Slice | undefined;
  /** Column of the items' `-`. */
  readonly indent: number;
}

const SPACE = 32;
const DASH = 45;
const TOP_KEY = /^([A-Za-z][\w.-]*):[ \t]*(.*?)\r?$/;
const isBlankOrComment = (line: string): boolean => /^\s*(#.*)?\s*$/.test(line);
/** `-` followed by a space or the end of the line. */
const isDashAt = (text: string, at: number): boolean => text.charCodeAt(at) === DASH && /[ \r\n]/.test(text[at + 1] ?? '\n');

interface Top {
  readonly key: string;
  readonly inline: string;
  readonly start: number;
}

export function splitResourceList(text: string): SplitList | undefined {
  const tops: Top[] = [];
  const starts: number[] = [];
  let indent = -1;
  let inItems = false;
  for (let pos = 0; pos < text.length;) {
    const newline = text.indexOf('\n', pos);
    const end = newline < 0 ? text.length : newline + 1;
    const first = text.charCodeAt(pos);
    if (first === SPACE || first === DASH) {
      if (inItems) {
        if (indent < 0 && !isBlankOrComment(text.slice(pos, end))) {
          const column = text.slice(pos, end).search(/\S/);
          if (!isDashAt(text, pos + column)) return undefined;
          indent = column;
        }
        const aligned = indent === 0 || text.slice(pos, pos + indent).trim() === '';
        if (indent >= 0 && aligned && isDashAt(text, pos + indent)) starts.push(pos);
        else if (!aligned && !isBlankOrComment(text.slice(pos, end))) return undefined;
      } else if (first === DASH && !(tops.length === 0 && /^---\s*$/.test(text.slice(pos, end)))) return undefined;
    } else if (first === 9) return undefined;
    else if (!isBlankOrComment(text.slice(pos, end))) {
      const key = TOP_KEY.exec(text.slice(pos, newline < 0 ? text.length : newline));
      if (!key) return undefined;
      tops.push({ key: key[1] ?? '', inline: stripComment(key[2] ?? ''), start: pos });
      inItems = key[1] === 'items';
    }
    pos = end;
  }
  if (new Set(tops.map((t) => t.key)).size !== tops.length) return undefined; // a key twice: the full parser says so
  const kind = tops.find((t) => t.key === 'kind');
  if (!kind || kind.inline !== 'ResourceList') return undefined;
  const itemsTop = tops.find((t) => t.key === 'items');
  if (itemsTop && itemsTop.inline !== '' && itemsTop.inline !== '[]') return undefined;
  if (itemsTop?.inline === '[]' && starts.length > 0) return undefined;
  const after = (top: Top | undefined): number => {
    const next = top ? tops[tops.indexOf(top) + 1] : undefined;
    return next ? next.start : text.length;
  };
  const itemsEnd = after(itemsTop);
  const itemsStart = itemsTop ? text.indexOf('\n', itemsTop.start) + 1 : 0;
  const items = starts.map((start, i) => ({ start: i === 0 ? itemsStart : start, end: starts[i + 1] ?? itemsEnd }));
  const config = tops.find((t) => t.key === 'functionConfig');
  return { items, functionConfig: config ? { start: config.start, end: after(config) } : undefined, indent: Math.max(indent, 0) };
}
