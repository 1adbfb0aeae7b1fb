/** ResourceList parse and stringify (KRM Functions Specification). No file or stream I/O here. */
import { Document, isMap, isScalar, isSeq, parseAllDocuments, YAMLMap, YAMLSeq } from 'yaml';
import type { Node } from 'yaml';
import { Item } from './item';
import { checkDocument } from './checkDocument';
import type { Resource } from './resource';
import type { Result } from './result';
import { toKrmResult } from './result';
import { FAILSAFE, toNode } from './yamlNodes';
import { RESOURCE_LIST_API_VERSION, RESOURCE_LIST_KIND } from '../names';

export interface ResourceList<R extends Resource = Resource, C extends Resource = Resource> {
  readonly items: readonly R[];
  readonly functionConfig: C | undefined;
}

export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly results: readonly Result[] };

/**
 * Every scalar stays the string written (failsafe), tags included: `!!binary` and `!!timestamp` are not turned into
 * bytes and dates (resolveKnownTags), which a failsafe document could not write back. A key must be a string.
 */
const PARSE_OPTIONS = {
  ...FAILSAFE,
  resolveKnownTags: false,
  stringKeys: true,
  // Duplicate keys are found by checkDocument, in linear time (yaml's own check is quadratic in a mapping's size).
  uniqueKeys: false,
  maxAliasCount: 100,
  prettyErrors: true,
} as const;

const inputError = (message: string): Parsed<never> => ({
  ok: false,
  results: [{ severity: 'error', code: 'invalid-input', message }],
});

/** YAML text → the documents it holds, or an error result naming the resource, field, line and column. */
export function parseYamlDocuments(text: string, what: string): Parsed<Document[]> {
  const parsed = parseAllDocuments(text, PARSE_OPTIONS);
  const docs = Array.isArray(parsed) ? parsed : [];
  const problem = checkDocument(text, docs, what);
  if (problem) return { ok: false, results: [problem] };
  return { ok: true, value: docs.filter((doc) => doc.contents !== null) };
}

export function parseResourceList(text: string): Parsed<ResourceList<Item, Item>> {
  const parsed = parseYamlDocuments(text, 'the input ResourceList');
  if (!parsed.ok) return parsed;
  const docs = parsed.value;
  if (docs.length !== 1 || !docs[0]) {
    return inputError(`the input must be exactly one ResourceList document, found ${docs.length}; pipe a ResourceList (kind: ResourceList) to stdin`);
  }
  const doc = docs[0];
  const root = doc.contents;
  if (!isMap(root) || root.get('kind') !== RESOURCE_LIST_KIND) {
    return inputError(`the input is not a ResourceList: expected "kind: ${RESOURCE_LIST_KIND}" at the top; pipe a ResourceList to stdin`);
  }
  const items = root.get('items', true);
  if (items !== undefined && items !== null && !isSeq(items)) {
    return inputError('the ResourceList field "items" must be a list of resources');
  }
  const list: Item[] = [];
  for (const [index, node] of (isSeq(items) ? items.items : []).entries()) {
    if (!isMap(node)) return inputError(`ResourceList items[${index}] is not a resource (a mapping with apiVersion, kind and metadata)`);
    list.push(new Item(node, doc));
  }
  const config = root.get('functionConfig', true);
  const functionConfig = isMap(config) ? new Item(config, doc) : undefined;
  return { ok: true, value: { items: list, functionConfig } };
}

/** A ResourceList as YAML: item nodes as they are (comments and scalar styles kept), then results. */
export function stringifyResourceList(items: readonly Node[], functionConfig: Item | undefined, results: readonly Result[]): string {
  const root = new YAMLMap();
  root.set(toNode('apiVersion'), toNode(RESOURCE_LIST_API_VERSION));
  root.set(toNode('kind'), toNode(RESOURCE_LIST_KIND));
  const seq = new YAMLSeq();
  seq.items = items.map(commentInsideItem);
  root.set(toNode('items'), seq);
  if (functionConfig) root.set(toNode('functionConfig'), functionConfig.node);
  if (results.length > 0) root.set(toNode('results'), toNode(results.map(toKrmResult)));
  return stringifyNode(root);
}

/**
 * kpt writes an item's head comment after the dash (`- # comment`); `yaml` would put it before the dash, where
 * kyaml reads it twice. Carry it on the first key instead, which prints it after the dash.
 */
function commentInsideItem(node: Node): Node {
  if (!isMap(node) || !node.commentBefore) return node;
  const first = node.items[0]?.key;
  if (!isScalar(first)) return node;
  first.commentBefore = first.commentBefore ? `${node.commentBefore}\n${first.commentBefore}` : node.commentBefore;
  node.commentBefore = null;
  return node;
}

/** The style kpt and kustomize write: no line folding, sequences not indented, `{a: b}`. */
export const YAML_STYLE = { lineWidth: 0, indentSeq: false, flowCollectionPadding: false } as const;

/** One node as a YAML document, in that style. */
export function stringifyNode(node: Node): string {
  const doc = new Document(null, FAILSAFE);
  doc.contents = node;
  return doc.toString(YAML_STYLE);
}
