/**
 * Where the pod template's labels sit in an item's text, found by indentation alone (block style, the way
 * manifests are written), so that the pod labels can be edited without parsing the item. Anything it does not
 * recognise returns undefined and the caller parses the item instead.
 */
import { stripComment } from '../util';
import type { LabelChanges, TextEdit } from './relabelText';
import { POD_LABELS, scalarText } from './relabelText';
import { needsQuotes } from './yamlNodes';

/**
 * One line of the item: where it starts and ends, its indentation (a leading `- ` counts as two spaces: the keys of
 * a list entry sit after it) and whether it holds only a comment or nothing. Its text is sliced only when read.
 */
class Line {
  constructor(
    private readonly source: string,
    readonly start: number,
    private readonly end: number,
    readonly indent: number,
    readonly skippable: boolean,
    private readonly dash: boolean,
  ) {}

  /** The line with a leading `- ` written as two spaces. */
  get text(): string {
    const raw = this.source.slice(this.start, this.end);
    return this.dash ? raw.replace(/^( *)- /, (_m, spaces: string) => `${spaces}  `) : raw;
  }
}

/** `key: value` (the value untrimmed: a lazy group before `\s*$` would take quadratic time on long values). */
const KEY = /^( *)([A-Za-z0-9_./-]+):(?=\s|$)(.*)$/;
/** A value on one line: plain, or double-quoted without escapes. */
const plainValue = (text: string): boolean => /^"[A-Za-z0-9_.-]*"$/.test(text) || (/^[A-Za-z0-9_.-]+$/.test(text) && !needsQuotes(text));
const SPACE = 32;
const DASH = 45;
const HASH = 35;
const isWhiteSpace = (code: number): boolean => code === SPACE || /\s/.test(String.fromCharCode(code));

/** Lines by character codes: a manifest has many lines and only a few are read as text. */
function linesOf(text: string): Line[] {
  const out: Line[] = [];
  for (let start = 0; start <= text.length;) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    let at = start;
    while (at < end && text.charCodeAt(at) === SPACE) at++;
    const dash = text.charCodeAt(at) === DASH && at + 1 < end && text.charCodeAt(at + 1) === SPACE;
    if (dash) at += 2;
    while (at < end && isWhiteSpace(text.charCodeAt(at))) at++;
    // Blank, or a comment (a comment line with a stray line-end character is not, as the reader's regex said).
    const skippable = at === end || (text.charCodeAt(at) === HASH && /^#.*$/.test(text.slice(at, end)));
    out.push(new Line(text, start, end, at - start, skippable, dash));
    start = end + 1;
  }
  return out;
}

const isSkippable = (line: Line): boolean => line.skippable;

/** Lines `from` to `to` (exclusive), whose keys sit at `indent`. */
type Block = { from: number; to: number; indent: number };

/** The children lines of the block that starts after line `at` (whose key sits at `indent`). */
function childrenOf(lines: readonly Line[], at: number, indent: number): Block | undefined {
  let from = at + 1;
  while (from < lines.length && isSkippable(lines[from] as Line)) from++;
  const first = lines[from];
  if (!first || first.indent <= indent) return undefined;
  let to = from;
  while (to < lines.length && (isSkippable(lines[to] as Line) || (lines[to] as Line).indent > indent)) to++;
  while (to > from && isSkippable(lines[to - 1] as Line)) to--;
  return { from, to, indent: first.indent };
}

function find(lines: readonly Line[], range: Block, key: string): number | undefined {
  for (let i = range.from; i < range.to; i++) {
    const line = lines[i] as Line;
    if (line.indent !== range.indent || isSkippable(line)) continue;
    const match = KEY.exec(line.text);
    if (!match) return undefined;
    if (match[2] === key) return (match[3] ?? '').trim() === '' || (match[3] ?? '').trim().startsWith('#') ? i : undefined;
  }
  return undefined;
}

/** The edits that make the pod-label changes in block-style text; undefined when the layout is not plain. */
export function locateRelabel(text: string, changes: LabelChanges): TextEdit[] | undefined {
  const lines = linesOf(text);
  let range: Block | undefined = { from: 0, to: lines.length, indent: lines.find((l) => !isSkippable(l))?.indent ?? 0 };
  for (const key of POD_LABELS) {
    const at: number | undefined = find(lines, range, key);
    if (at === undefined) return undefined;
    range = childrenOf(lines, at, range.indent);
    if (!range) return undefined;
  }
  const labels = range;
  const entries = new Map<string, Line>();
  for (let i = labels.from; i < labels.to; i++) {
    const line = lines[i] as Line;
    if (isSkippable(line)) continue;
    const match = KEY.exec(line.text);
    if (line.indent !== labels.indent || !match || !plainValue(stripComment(match[3] ?? ''))) return undefined;
    entries.set(match[2] as string, line);
  }
  const last = lines[labels.to - 1] as Line;
  const at = last.start + last.text.length + 1;
  const edits: TextEdit[] = [];
  let added = '';
  for (const [key, value] of changes) {
    const ours = entries.get(key);
    // A value changed in place is rare: the parser-based edit makes it.
    if (ours && value !== undefined) return undefined;
    if (ours) edits.push({ start: ours.start, end: ours.start + ours.text.length + 1, text: '' });
    else if (value !== undefined) added += `${' '.repeat(labels.indent)}${scalarText(key)}: ${scalarText(value)}\n`;
  }
  if (added === '') return edits;
  return at > text.length ? undefined : [...edits, { start: at, end: at, text: added }];
}
