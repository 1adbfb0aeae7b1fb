/**
 * The fast reader's first step: find where each item of a block-style ResourceList starts and ends, by indentation
 * alone, without parsing the items. Items the function does not read are never parsed and pass through as the
 * exact bytes they came in. Anything unusual (flow style, JSON, tabs, odd top-level lines) returns undefined and
 * the caller parses the whole text instead.
 */

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

interface Line {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start < text.length) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline + 1;
    lines.push({ start, end, text: text.slice(start, newline < 0 ? text.length : newline) });
    start = end;
  }
  return lines;
}

const isBlankOrComment = (line: string): boolean => /^\s*(#.*)?\r?$/.test(line);
const TOP_KEY = /^([A-Za-z][\w.-]*):[ \t]*(.*?)\r?$/;

/** Item boundaries of the `items:` block, or undefined when its lines are not a plain block sequence. */
function itemsOf(lines: readonly Line[]): { items: Slice[]; indent: number } | undefined {
  const first = lines.find((l) => !isBlankOrComment(l.text));
  if (!first) return { items: [], indent: 0 };
  const dash = /^( *)-( |\r?$)/.exec(first.text);
  if (!dash) return undefined;
  const indent = dash[1]?.length ?? 0;
  const starts: number[] = [];
  for (const [i, line] of lines.entries()) {
    if (isBlankOrComment(line.text)) continue;
    if (line.text.includes('\t') && /^\s*\t/.test(line.text)) return undefined;
    const column = line.text.length - line.text.trimStart().length;
    if (column > indent) continue;
    if (column < indent || !/^ *-( |\r?$)/.test(line.text)) return undefined;
    starts.push(i);
  }
  const items = starts.map((lineIndex, k) => {
    const from = k === 0 ? 0 : lineIndex;
    const to = k + 1 < starts.length ? (starts[k + 1] as number) : lines.length;
    return { start: (lines[from] as Line).start, end: (lines[to - 1] as Line).end };
  });
  return { items, indent };
}

export function splitResourceList(text: string): SplitList | undefined {
  const lines = linesOf(text);
  const blocks: Array<{ key: string; inline: string; line: number }> = [];
  for (const [i, line] of lines.entries()) {
    if (isBlankOrComment(line.text) || /^[ -]/.test(line.text)) continue;
    if (i === 0 && /^---\s*$/.test(line.text)) continue;
    const key = TOP_KEY.exec(line.text);
    if (!key) return undefined;
    blocks.push({ key: key[1] ?? '', inline: (key[2] ?? '').replace(/\s+#.*$/, ''), line: i });
  }
  const region = (b: { line: number }): { from: number; to: number } => {
    const next = blocks.find((o) => o.line > b.line);
    return { from: b.line + 1, to: next ? next.line : lines.length };
  };
  const kind = blocks.find((b) => b.key === 'kind');
  if (!kind || kind.inline !== 'ResourceList') return undefined;
  const itemsBlock = blocks.find((b) => b.key === 'items');
  let split: { items: Slice[]; indent: number } | undefined = { items: [], indent: 0 };
  if (itemsBlock && itemsBlock.inline !== '[]') {
    if (itemsBlock.inline !== '') return undefined;
    const { from, to } = region(itemsBlock);
    split = itemsOf(lines.slice(from, to));
  }
  if (!split) return undefined;
  const config = blocks.find((b) => b.key === 'functionConfig');
  const configRegion = config ? region(config) : undefined;
  const functionConfig = config && configRegion ? { start: (lines[config.line] as Line).start, end: (lines[configRegion.to - 1] as Line).end } : undefined;
  return { items: split.items, functionConfig, indent: split.indent };
}
