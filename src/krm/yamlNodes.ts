/**
 * Two views of one YAML tree. Items are parsed with the failsafe schema, so every scalar stays the
 * string the user wrote (`0644`, `yes`, `0x1F` and quoting survive a round trip untouched). `toTyped`
 * reads a node the way a YAML 1.2 core-schema reader would; `toNode` builds nodes for new values that
 * read back as the same JSON under that schema.
 */
import { Alias, Document, isAlias, isMap, isScalar, isSeq, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import type { Node, ScalarTag, SchemaOptions } from 'yaml';
import { replaceAlias } from './aliasIndex';
import { aliasTarget } from './aliasTarget';
import { detachAliases, unanchoredCopy } from './anchors';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export const NULL = /^(?:~|null|Null|NULL)?$/;
export const BOOL_TRUE = /^(?:true|True|TRUE)$/;
export const BOOL_FALSE = /^(?:false|False|FALSE)$/;
const INT = /^[-+]?[0-9]+$/;
const OCT = /^0o[0-7]+$/;
const HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
const INF = /^[-+]?\.(?:inf|Inf|INF)$/;
const NAN = /^\.(?:nan|NaN|NAN)$/;
const STR_TAG = 'tag:yaml.org,2002:str';

/** The core-schema value of a plain scalar's text. */
export function resolvePlain(text: string): Json {
  if (NULL.test(text)) return null;
  if (BOOL_TRUE.test(text)) return true;
  if (BOOL_FALSE.test(text)) return false;
  if (INT.test(text)) return Number.parseInt(text, 10);
  if (OCT.test(text)) return Number.parseInt(text.slice(2), 8);
  if (HEX.test(text)) return Number.parseInt(text.slice(2), 16);
  if (FLOAT.test(text)) return Number.parseFloat(text);
  if (INF.test(text)) return text.startsWith('-') ? -Infinity : Infinity;
  if (NAN.test(text)) return Number.NaN;
  return text;
}

/** Would a plain scalar with this text read back as something other than this string? */
/** Numbers to YAML 1.1 only: binary, digits with `_`, base 60 (`1:20`), floats such as `1.` or `.5`. */
const YAML11_NUMBER = /^[-+]?(?:0b[01_]+|0x[0-9a-fA-F_]+|[0-9][0-9_]*(?::[0-5]?[0-9])*(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?|\.[0-9_]+(?:[eE][-+]?[0-9]+)?)$/;

export function needsQuotes(text: string): boolean {
  if (resolvePlain(text) !== text) return true;
  // YAML 1.1 readers (go-yaml v2, sigs.k8s.io/yaml in kubectl) read these as booleans or numbers; quote them for every reader.
  return /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$/.test(text) || YAML11_NUMBER.test(text);
}

/**
 * A character that a YAML 1.1 reader (go-yaml in kpt, kustomize and Argo CD) reads as a line break (NEL U+0085, LS
 * U+2028, PS U+2029, CR) or refuses unescaped (C0 and C1 controls, DEL, U+FFFE, U+FFFF, a lone surrogate), or the BOM;
 * YAML 1.2 readers take most of them as ordinary characters, so written raw they mean two different things.
 */
const RAW_UNSAFE = /[^\t\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\u{10000}-\u{10ffff}]/u;
const RAW_UNSAFE_ALL = new RegExp(RAW_UNSAFE.source, 'gu');
export const hasUnsafeRaw = (text: string): boolean => RAW_UNSAFE.test(text);

const hex = (c: string, digits: number): string => (c.codePointAt(0) ?? 0).toString(16).padStart(digits, '0');

/** A double-quoted scalar on one line that YAML 1.1 and 1.2 readers read back as `text`: RAW_UNSAFE escaped. */
export const escapedScalar = (text: string): string =>
  JSON.stringify(text).replace(RAW_UNSAFE_ALL, (c) => (c > '\xff' ? `\\u${hex(c, 4)}` : `\\x${hex(c, 2)}`));

/** The string tag for the scalars toNode marks `format: escaped`: written by escapedScalar. */
export const ESCAPED_STRING: ScalarTag = {
  tag: 'tag:yaml.org,2002:str',
  format: 'escaped',
  default: true,
  identify: (value) => typeof value === 'string',
  resolve: (text) => text,
  stringify: (item) => escapedScalar(String((item as Scalar).value)),
};

/** Options for a document the function parses and writes back: every scalar a string, escaped strings known. */
export const FAILSAFE: SchemaOptions = { schema: 'failsafe', customTags: [ESCAPED_STRING] };

function scalarValue(node: Scalar): Json {
  const raw = node.value;
  if (typeof raw !== 'string') return raw === undefined ? null : (raw as Json);
  if (node.type !== 'PLAIN' || node.tag === STR_TAG) return raw;
  return resolvePlain(raw);
}

/**
 * The typed JSON of a failsafe node. Keys are always strings (parseYamlDocuments rejects any other key); a map is
 * created without a prototype so that keys such as `__proto__` stay plain data.
 */
export function toTyped(node: unknown, doc?: Document): Json {
  if (isAlias(node)) return doc ? toTyped(aliasTarget(node as Alias, doc), doc) : null;
  if (isScalar(node)) return scalarValue(node);
  if (isSeq(node)) return node.items.map((entry) => toTyped(entry, doc));
  if (isMap(node)) {
    const out: JsonObject = Object.create(null) as JsonObject;
    for (const pair of node.items) {
      const key = toTyped(pair.key, doc);
      out[String(key)] = toTyped(pair.value, doc);
    }
    return out;
  }
  return null;
}

/** A node for a new value, styled so that it reads back as exactly this value. */
export function toNode(value: Json): Node {
  if (Array.isArray(value)) {
    const seq = new YAMLSeq();
    seq.items = value.map(toNode);
    return seq;
  }
  if (value !== null && typeof value === 'object') {
    const map = new YAMLMap();
    for (const [key, entry] of Object.entries(value)) map.items.push(new Pair(toNode(key), toNode(entry)));
    return map;
  }
  if (typeof value === 'string') {
    const scalar = new Scalar(value);
    if (hasUnsafeRaw(value)) scalar.format = 'escaped';
    else if (needsQuotes(value)) scalar.type = 'QUOTE_DOUBLE';
    return scalar;
  }
  const scalar = new Scalar(value === null ? 'null' : String(value));
  scalar.type = 'PLAIN';
  return scalar;
}

const pairOf = (map: YAMLMap, key: string): Pair | undefined => map.items.find((pair): pair is Pair => isScalar(pair.key) && pair.key.value === key);

/** The map at `path`, reading through aliases; undefined when there is none. */
function mapAt(root: YAMLMap, path: readonly string[], doc: Document): YAMLMap | undefined {
  let current: YAMLMap | undefined = root;
  for (const key of path) {
    const found: unknown = current ? pairOf(current, key)?.value : undefined;
    const target = isAlias(found) ? aliasTarget(found, doc) : found;
    current = isMap(target) ? target : undefined;
  }
  return current;
}

/**
 * The map at `path`, ready to change at this path alone (created where missing): an alias on the way is replaced by a
 * copy of the map it refers to, and an anchored map on the way gives the aliases that refer to it copies first.
 */
function ownMapAt(root: YAMLMap, path: readonly string[], doc: Document): YAMLMap {
  detachAliases(root, doc);
  let current = root;
  for (const key of path) {
    const pair = pairOf(current, key);
    const target = isAlias(pair?.value) ? aliasTarget(pair.value, doc) : pair?.value;
    let next: YAMLMap;
    if (pair && isAlias(pair.value) && isMap(target)) replaceAlias(pair.value, (next = unanchoredCopy(target)), doc);
    else if (isMap(target)) next = target;
    else current.set(toNode(key), (next = new YAMLMap()));
    detachAliases(next, doc);
    current = next;
  }
  return current;
}

/**
 * Set `map[key] = value` on a failsafe map, keeping the position (and comments) of an existing key. The change shows
 * at this path only, even when the path goes through an alias or an anchored node (see ownMapAt).
 */
export function setIn(map: YAMLMap, path: readonly string[], value: Json, doc: Document): void {
  const parent = ownMapAt(map, path.slice(0, -1), doc);
  const last = path[path.length - 1] as string;
  const existing = pairOf(parent, last);
  if (existing) existing.value = toNode(value);
  else parent.items.push(new Pair(toNode(last), toNode(value)));
}

/** Remove `map[key]` (when present), at this path only, as setIn changes it. */
export function deleteIn(map: YAMLMap, path: readonly string[], doc: Document): void {
  const last = path[path.length - 1] as string;
  if (mapAt(map, path.slice(0, -1), doc)?.has(last)) ownMapAt(map, path.slice(0, -1), doc).delete(last);
}
