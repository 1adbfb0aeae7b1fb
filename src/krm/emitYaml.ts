/**
 * A fast YAML writer for the generated resources (plain JSON: maps, lists, strings, integers, booleans). It writes
 * exactly what `stringifyNode(toNode(value))` writes — block style, `- ` lists at the key's column, strings plain
 * when that reads back as the same string — and hands any string it is not sure about to the `yaml` library.
 */
import { stringifyNode } from './resourceList';
import type { Json } from './yamlNodes';
import { needsQuotes, toNode } from './yamlNodes';

const SAFE_PLAIN = /^[A-Za-z0-9_./][A-Za-z0-9_./:=+-]*$/;
const cache = new Map<string, string>();

/** Can start a plain scalar that reads back as a string only: a letter no null, boolean or YAML 1.1 word starts with. */
const WORD_START = /^[a-eg-mp-su-xzA-EG-MP-SU-XZ_/]/;

/** One string as a YAML scalar, or undefined when only a block scalar would do (the caller then falls back). */
function scalar(text: string): string | undefined {
  if (SAFE_PLAIN.test(text) && !/:$|:\/\/\S*:/.test(text)) {
    // toNode double-quotes a simple string that would read as another type (`"0"`, `"true"`); nothing to escape.
    return WORD_START.test(text) || !needsQuotes(text) ? text : `"${text}"`;
  }
  // Anything else as the `yaml` library writes it; the same few strings (hosts, match values) come back often.
  let written = cache.get(text);
  if (written === undefined) {
    written = stringifyNode(toNode(text)).replace(/\n$/, '');
    if (cache.size < 50_000) cache.set(text, written);
  }
  return written.includes('\n') ? undefined : written;
}

/**
 * Keys come back again and again (`metadata`, `name`, …): their text is kept. A key longer than YAML's 1,024
 * characters for an implicit key falls back (the library writes it as an explicit `? key`).
 */
const keys = new Map<string, string | undefined>();
function keyText(key: string): string | undefined {
  let text = keys.get(key);
  if (text === undefined && !keys.has(key)) {
    text = scalar(key);
    if (text !== undefined && text.length > 1024) text = undefined;
    if (keys.size < 10_000) keys.set(key, text);
  }
  return text;
}

const leaf = (value: Json): string | undefined => {
  if (value === null) return 'null';
  if (typeof value === 'string') return scalar(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.length === 0 ? '[]' : undefined;
  return Object.keys(value).length === 0 ? '{}' : undefined;
};

class Fallback extends Error {}

/** A map or list as block YAML lines; `first` prefixes the first line instead of `indent` (a map that is a list entry). */
function block(value: Json, indent: string, first: string, out: string[]): void {
  if (Array.isArray(value)) {
    for (const entry of value) {
      const simple = leaf(entry);
      if (simple !== undefined) out.push(`${indent}- ${simple}\n`);
      else if (Array.isArray(entry)) throw new Fallback();
      else block(entry, `${indent}  `, `${indent}- `, out);
    }
    return;
  }
  if (value === null || typeof value !== 'object') throw new Fallback();
  let prefix = first;
  for (const key in value) {
    const entry = value[key] as Json;
    const k = keyText(key);
    if (k === undefined) throw new Fallback();
    const simple = leaf(entry);
    if (simple !== undefined) out.push(`${prefix}${k}: ${simple}\n`);
    else if (typeof entry === 'string') throw new Fallback();
    else {
      out.push(`${prefix}${k}:\n`);
      const inner = Array.isArray(entry) ? indent : `${indent}  `;
      block(entry, inner, inner, out);
    }
    prefix = indent;
  }
}

/**
 * A document (a map) as YAML text, in the style of stringifyNode; `first` and `rest` prefix its first and other
 * lines (to write it as an item of a list).
 */
export function emitYaml(value: Json, first = '', rest = ''): string {
  const out: string[] = [];
  try {
    block(value, rest, first, out);
    return out.join('');
  } catch (error) {
    if (!(error instanceof Fallback)) throw error;
    const lines = stringifyNode(toNode(value)).split('\n');
    return lines.map((line, i) => (line === '' ? line : `${i === 0 ? first : rest}${line}`)).join('\n');
  }
}
