/**
 * An item of the fast reader: its exact source text, a header (apiVersion, kind, metadata) read from the few lines
 * that hold it, and its whole value parsed (js-yaml, YAML 1.2 core schema) only when the function reads it.
 */
import { FAILSAFE_SCHEMA, load } from 'js-yaml';
import { CORE } from './coreSchema';
import { WORKLOAD_KINDS } from '../names';
import { stripComment } from '../util';
import { fileOf, refOf, stringMap } from './refs';
import type { Resource } from './resource';
import type { FileRef, ResourceRef } from './result';
import type { Json, JsonObject } from './yamlNodes';

/** Kinds whose whole value the function reads: their metadata comes from that one parse. */
const WHOLE = new Set(['Service', ...Object.keys(WORKLOAD_KINDS)]);

/** Thrown when an item's text cannot be read here; the caller then reads the whole input the slow, exact way. */
export class NotFastPath extends Error {}

/** An item whose first line, after any comment lines, is `- {` or `- [`. */
const FLOW_ITEM = /^(?:[ \t]*(?:#.*)?\r?\n)*[ ]*- +[{[]/;
/**
 * An alias (`*name`) where a YAML node can start: at the start of a line, after `:`, `[`, `{` or `,`, or after `- ` or
 * `? `. Only the exact path resolves aliases (or reports one whose anchor is missing), so an item that may hold one
 * goes there; `*` inside a quoted string may match too, which costs time only. A `*` after other text (`"0 * * * *"`,
 * `/tmp/x*`) does not match.
 */
const ALIAS = /(?:^|[:[{,]|[?-][ \t])[ \t]*\*[^\s,[\]{}]/m;
/** A key that is not a plain scalar (`? key`, `[a]: b`, `{a: 1}: b`): js-yaml would read it as "[object Object]". */
const COMPLEX_KEY = /(?:^|[\s[{,])\?(?:[ \t]|$)|[\]}][ \t]*:(?:\s|$)/m;

const isObject = (v: unknown): v is JsonObject => v !== null && typeof v === 'object' && !Array.isArray(v);

export function loadYaml(text: string): Json {
  if (text.includes('?') || text.includes(']') || text.includes('}')) {
    if (COMPLEX_KEY.test(text)) throw new NotFastPath('a key that is not a string');
  }
  try {
    return load(text, { schema: CORE, json: false }) as Json;
  } catch {
    throw new NotFastPath('unparseable item');
  }
}

/** The column of the item's keys: after `- ` on the first line, or of the first line after a bare `-`. */
function keyColumnOf(source: string): number {
  let sawDash = false;
  for (let pos = 0; pos < source.length;) {
    const newline = source.indexOf('\n', pos);
    const line = source.slice(pos, newline < 0 ? source.length : newline);
    pos = newline < 0 ? source.length : newline + 1;
    const dash = /^( *)-( +)(?=[^\s#])/.exec(line);
    if (dash) {
      if (/^ *- +[{[]/.test(line)) throw new NotFastPath('flow item');
      return (dash[1] as string).length + 1 + (dash[2] as string).length;
    }
    if (/^ *-\s*(#.*)?$/.test(line)) sawDash = true;
    else if (!/^\s*(#.*)?$/.test(line)) {
      if (sawDash) return line.search(/\S/);
      break;
    }
  }
  throw new NotFastPath('item layout');
}

/** `apiVersion`, `kind` and the text of the metadata block of an item, from its top-level lines only. */
function readHeader(source: string): { apiVersion: string; kind: string; metadataText: string | undefined } {
  const column = keyColumnOf(source);
  const header: Record<string, string> = {};
  let metadata: { inline: string; from: number } | undefined;
  let metadataText: string | undefined;
  for (let pos = 0; pos < source.length;) {
    const newline = source.indexOf('\n', pos);
    const end = newline < 0 ? source.length : newline + 1;
    const first = source.charCodeAt(pos + column);
    // A key of the item: the line's first character sits at the key column (the first line starts with `- `).
    const prefix = first !== 32 && first !== 35 && first !== 10 && first !== 13 && !Number.isNaN(first) ? source.slice(pos, pos + column).trim() : '#';
    if (prefix === '' || prefix === '-') {
      if (metadata) {
        metadataText = `metadata: ${metadata.inline}\n${source.slice(metadata.from, pos)}`;
        metadata = undefined;
      }
      const key = /^([A-Za-z]+):(?=\s|$)(.*)$/.exec(source.slice(pos + column, newline < 0 ? source.length : newline));
      const name = key?.[1];
      const inline = (key?.[2] ?? '').trim();
      if (name === 'metadata') metadata = { inline, from: end };
      else if (name === 'apiVersion' || name === 'kind') {
        if (/^['"&*!|>{[]/.test(inline)) throw new NotFastPath('header scalar');
        header[name] = stripComment(inline);
      }
    }
    pos = end;
  }
  if (metadata) metadataText = `metadata: ${metadata.inline}\n${source.slice(metadata.from)}`;
  if (header['apiVersion'] === undefined || header['kind'] === undefined) throw new NotFastPath('no apiVersion or kind');
  return { apiVersion: header['apiVersion'], kind: header['kind'], metadataText };
}

interface Metadata {
  readonly name: string;
  readonly namespace: string | undefined;
  readonly annotations: Readonly<Record<string, string>>;
  readonly labels: Readonly<Record<string, string>>;
}

function toMetadata(meta: Json | undefined): Metadata {
  const m = isObject(meta) ? meta : {};
  const namespace = m['namespace'];
  return {
    name: typeof m['name'] === 'string' ? m['name'] : '',
    namespace: typeof namespace === 'string' && namespace !== '' ? namespace : undefined,
    annotations: stringMap(m['annotations']),
    labels: stringMap(m['labels']),
  };
}

export class SourceItem implements Resource {
  private typed: JsonObject | undefined;
  private meta: Metadata | undefined;
  private readonly metadataText: string | undefined;
  readonly apiVersion: string;
  readonly kind: string;

  /** `source`: the item's text as it came, from its `-` (and any comment lines before it) to the next item. */
  constructor(readonly source: string) {
    if (source.includes('*') && ALIAS.test(source)) throw new NotFastPath('an alias');
    if (FLOW_ITEM.test(source)) {
      // A flow-style item (`- {apiVersion: v1, …}`) has no header lines to scan: it is read whole, now.
      const value = this.value;
      if (typeof value['apiVersion'] !== 'string' || typeof value['kind'] !== 'string') throw new NotFastPath('flow item without apiVersion or kind');
      this.apiVersion = value['apiVersion'];
      this.kind = value['kind'];
      this.metadataText = undefined;
      return;
    }
    const { apiVersion, kind, metadataText } = readHeader(source);
    this.apiVersion = apiVersion;
    this.kind = kind;
    this.metadataText = metadataText;
  }

  /** Metadata, read on first use: from the whole value when that is read anyway, else from its own lines. */
  private get metadata(): Metadata {
    if (!this.meta) {
      const whole = this.typed !== undefined || WHOLE.has(this.kind);
      const loaded = whole ? this.value : this.metadataText === undefined ? {} : loadYaml(this.metadataText);
      this.meta = toMetadata(isObject(loaded) ? loaded['metadata'] : undefined);
    }
    return this.meta;
  }

  get name(): string {
    return this.metadata.name;
  }

  get namespace(): string | undefined {
    return this.metadata.namespace;
  }

  get annotations(): Readonly<Record<string, string>> {
    return this.metadata.annotations;
  }

  get labels(): Readonly<Record<string, string>> {
    return this.metadata.labels;
  }

  mentions(text: string): boolean {
    return this.source.includes(text);
  }

  /**
   * Throws NotFastPath unless the item's text is YAML. An item the function never read is written back as its text,
   * so it is checked here (only its syntax: every scalar a string) before the output is; the exact path then reports
   * what is wrong with it.
   */
  checkSyntax(): void {
    if (this.typed !== undefined) return;
    try {
      load(this.source, { schema: FAILSAFE_SCHEMA });
    } catch {
      throw new NotFastPath('unparseable item');
    }
  }

  get value(): JsonObject {
    if (!this.typed) {
      const loaded = loadYaml(this.source);
      const first = Array.isArray(loaded) ? loaded[0] : undefined;
      this.typed = isObject(first) ? first : {};
    }
    return this.typed;
  }

  get ref(): ResourceRef {
    return refOf(this);
  }

  get file(): FileRef | undefined {
    return fileOf(this.annotations);
  }
}

/** A resource whose value is already read (the functionConfig of the fast path). */
export class ValueResource implements Resource {
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string;
  readonly namespace: string | undefined;
  readonly annotations: Readonly<Record<string, string>>;
  readonly labels: Readonly<Record<string, string>>;

  constructor(readonly value: JsonObject) {
    const str = (v: Json | undefined): string => (typeof v === 'string' ? v : '');
    const meta = toMetadata(value['metadata']);
    this.apiVersion = str(value['apiVersion']);
    this.kind = str(value['kind']);
    this.name = meta.name;
    this.namespace = meta.namespace;
    this.annotations = meta.annotations;
    this.labels = meta.labels;
  }

  get ref(): ResourceRef {
    return refOf(this);
  }

  get file(): FileRef | undefined {
    return fileOf(this.annotations);
  }

  mentions(): boolean {
    return true;
  }
}
