/**
 * Where a spot of a parsed YAML document is, in the terms of a result: the resource that holds it (an item or the
 * functionConfig of a ResourceList, or the document itself when it is one resource), the field path inside that
 * resource, and the line and column of the text.
 */
import { isMap, isNode, isPair, isScalar, isSeq } from 'yaml';
import type { Document, YAMLMap } from 'yaml';
import { RESOURCE_LIST_KIND } from '../names';
import { refOf } from './refs';
import type { ResourceRef } from './result';
import { fieldPath } from '../util';

export type Segment = string | number;

export interface Spot {
  /** Keys and list indexes from the document's root down to the node. */
  readonly path: readonly Segment[];
  /** The node there; when the offset is inside a key, that key. */
  readonly node: unknown;
  readonly inKey: boolean;
}

export interface Place {
  /** The resource and field, as a message starts: `ConfigMap settings data.a`, `functionConfig spec.clusters[0]`. */
  readonly label: string;
  readonly resourceRef?: ResourceRef;
  readonly field?: string;
}

/** Below this many levels a path is not followed further (deeply nested input). */
const MAX_SEGMENTS = 24;

const holds = (node: unknown, offset: number): boolean => {
  const range = isNode(node) ? node.range : undefined;
  return !!range && range[0] <= offset && offset < Math.max(range[2], range[0] + 1);
};

/** The deepest node whose text holds `offset`, and the path to it. */
export function spotAt(doc: Document, offset: number): Spot {
  const path: Segment[] = [];
  let node: unknown = doc.contents;
  while (path.length < MAX_SEGMENTS) {
    if (isSeq(node)) {
      const index = node.items.findIndex((item) => holds(item, offset));
      if (index < 0) break;
      path.push(index);
      node = node.items[index];
    } else if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && (holds(p.key, offset) || holds(p.value, offset)));
      if (!pair) break;
      if (holds(pair.key, offset)) return { path, node: pair.key, inKey: true };
      path.push(isScalar(pair.key) ? String(pair.key.value) : '?');
      node = pair.value;
    } else break;
  }
  return { path, node, inKey: false };
}

const text = (map: YAMLMap, key: string): string => {
  const node = map.get(key, true);
  return isScalar(node) && typeof node.value === 'string' ? node.value : '';
};

function resourceOf(node: YAMLMap): { label: string; resourceRef: ResourceRef } | undefined {
  const metadata = node.get('metadata', true);
  const meta = isMap(metadata) ? metadata : undefined;
  const namespace = meta ? text(meta, 'namespace') : '';
  const ref = refOf({
    apiVersion: text(node, 'apiVersion'),
    kind: text(node, 'kind'),
    name: meta ? text(meta, 'name') : '',
    namespace: namespace || undefined,
  });
  if (ref.kind === '') return undefined;
  return { label: `${ref.kind} ${namespace ? `${namespace}/` : ''}${ref.name || '(no name)'}`, resourceRef: ref };
}

const placed = (label: string, path: readonly Segment[], maxField: number, resourceRef?: ResourceRef): Place => {
  const field = fieldPath(path.slice(0, maxField));
  return { label: field ? `${label} ${field}` : label, ...(resourceRef ? { resourceRef } : {}), ...(field ? { field } : {}) };
};

/**
 * The resource and field a path of the document points into, the field cut to its first `maxField` segments. `what`
 * names the document when the path is in no resource (the ResourceList itself, or a document that is not a resource).
 */
export function placeOf(doc: Document, path: readonly Segment[], what: string, maxField = Infinity): Place {
  const root = doc.contents;
  if (!isMap(root)) return placed(what, path, maxField);
  if (text(root, 'kind') !== RESOURCE_LIST_KIND) {
    const resource = resourceOf(root);
    return resource ? placed(resource.label, path, maxField, resource.resourceRef) : placed(what, path, maxField);
  }
  const [top, index] = path;
  const config = root.get('functionConfig', true);
  if (top === 'functionConfig' && isMap(config)) return placed('functionConfig', path.slice(1), maxField, resourceOf(config)?.resourceRef);
  const items = root.get('items', true);
  const item = top === 'items' && typeof index === 'number' && isSeq(items) ? items.items[index] : undefined;
  const resource = isMap(item) ? resourceOf(item) : undefined;
  if (resource) return placed(resource.label, path.slice(2), maxField, resource.resourceRef);
  return placed(what, path, maxField);
}

/** 1-based line and column of an offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let at = text.indexOf('\n'); at >= 0 && at < offset; at = text.indexOf('\n', at + 1)) {
    line++;
    start = at + 1;
  }
  return { line, column: offset - start + 1 };
}
