/**
 * What parsed YAML text must not hold to be read as Kubernetes manifests: the syntax errors `yaml` finds, and what it
 * accepts but kpt, kubectl or this function cannot read — characters YAML forbids, keys that are not strings,
 * nesting deeper than the stack, aliases that expand without bound or whose anchor is not set. Each becomes one error
 * result that says what is wrong, where (resource, field, line and column) and how to fix it.
 */
import { isAlias, isCollection, isMap, isNode, isPair, isScalar, isSeq } from 'yaml';
import type { Alias, Document, Node, YAMLMap } from 'yaml';
import { expandedSize, forbiddenCharacterAt, MAX_EXPANDED_NODES, TOO_DEEP, TOO_DEEP_FIX } from './limits';
import { lineAndColumn, placeOf, spotAt } from './locate';
import type { Result } from './result';
import { quote } from '../util';

/** Segments of the field named for a value nested too deeply: where the nesting starts, not its 10,000th level. */
const TOO_DEEP_FIELD = 2;

const error = (message: string, place?: { resourceRef?: Result['resourceRef']; field?: string }): Result => ({
  severity: 'error',
  code: 'invalid-input',
  message,
  ...(place?.resourceRef ? { resourceRef: place.resourceRef } : {}),
  ...(place?.field !== undefined ? { field: place.field } : {}),
});

const at = (text: string, offset: number): string => {
  const { line, column } = lineAndColumn(text, offset);
  return `at line ${line}, column ${column}`;
};

/** A short quote of source text for a message. */
function forbiddenCharacter(text: string, docs: readonly Document[], what: string, offset: number): Result {
  const code = text.charCodeAt(offset);
  const name = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  const escape = `\\u${code.toString(16).padStart(4, '0')}`;
  const doc = docs.find((d) => d.range !== undefined && d.range[0] <= offset && offset < d.range[2]);
  const place = doc ? placeOf(doc, spotAt(doc, offset).path, what) : { label: what };
  const kind = code >= 0xfffe ? 'the character' : 'the control character';
  return error(
    `${place.label}: ${kind} ${name} ${at(text, offset)} is not allowed in YAML; remove it, or write it as the escape "${escape}" in a double-quoted string`,
    place,
  );
}

function keyKind(key: unknown): string {
  if (isMap(key)) return 'a mapping';
  if (isSeq(key)) return 'a list';
  if (isAlias(key)) return 'an alias';
  return isScalar(key) && key.tag ? `a value tagged ${key.tag}` : 'not a string';
}

/** The error `yaml` reports first, in our words where we have better ones. */
function syntaxError(text: string, doc: Document, what: string): Result | undefined {
  const first = doc.errors[0];
  if (!first) return undefined;
  const offset = first.pos[0];
  if (first.code === 'RESOURCE_EXHAUSTION') {
    const place = placeOf(doc, spotAt(doc, offset).path, what, TOO_DEEP_FIELD);
    return error(`${place.label} ${TOO_DEEP} (${at(text, offset)}); ${TOO_DEEP_FIX}`, place);
  }
  // The parser points at a tagged key's tag (`!foo key: …`), which comes before the key's own range.
  const spot = first.code === 'NON_STRING_KEY' ? spotAt(doc, offset + (/^![^\s]*\s+/.exec(text.slice(offset, offset + 1024))?.[0].length ?? 0)) : undefined;
  if (spot?.inKey) {
    const range = isNode(spot.node) ? spot.node.range : undefined;
    const source = range ? text.slice(range[0], range[1]) : '';
    const place = placeOf(doc, spot.path, what);
    return error(
      `${place.label}: a key is ${keyKind(spot.node)} (${quote(source, 40)}) ${at(text, offset)}; Kubernetes reads only strings as keys: write the key as a string`,
      place,
    );
  }
  // With prettyErrors the first line reads "<what is wrong> at line L, column C:".
  const message = (first.message.split('\n')[0] ?? '').replace(/:$/, '');
  return error(`${what} is not valid YAML: ${message}; fix the YAML syntax there`);
}

/** The first key written twice in one mapping (a Set per mapping: linear, where `yaml`'s own check is quadratic). */
function duplicateKey(map: YAMLMap): Node | undefined {
  const seen = new Set<unknown>();
  for (const { key } of map.items) {
    const value = isScalar(key) ? key.value : key;
    if (seen.has(value)) return isNode(key) ? key : undefined;
    seen.add(value);
  }
  return undefined;
}

/** In document order: the first duplicate key, and (with `aliases`) the first alias whose anchor is not set before it. */
function firstProblem(doc: Document, aliases: boolean): { alias: Alias } | { key: Node } | undefined {
  const anchors = new Set<string>();
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isAlias(node)) {
      if (aliases && !anchors.has(node.source)) return { alias: node };
    } else if (isPair(node)) stack.push(node.value, node.key);
    else if (isScalar(node) || isCollection(node)) {
      if (node.anchor) anchors.add(node.anchor);
      const key = isMap(node) ? duplicateKey(node) : undefined;
      if (key) return { key };
      if (isCollection(node)) for (let i = node.items.length - 1; i >= 0; i--) stack.push(node.items[i]);
    }
  }
  return undefined;
}

function documentProblem(text: string, doc: Document, what: string): Result | undefined {
  const syntax = syntaxError(text, doc, what);
  if (syntax) return syntax;
  const size = expandedSize(doc);
  if (size > MAX_EXPANDED_NODES) {
    return error(`${what} expands through its YAML aliases to more than ${MAX_EXPANDED_NODES} nodes; write the values out instead of referring to anchors`);
  }
  const problem = firstProblem(doc, size > 0);
  if (!problem) return undefined;
  const node = 'key' in problem ? problem.key : problem.alias;
  const offset = node.range?.[0] ?? 0;
  const spot = spotAt(doc, offset);
  const place = placeOf(doc, spot.inKey && isScalar(node) ? [...spot.path, String(node.value)] : spot.path, what);
  const source = 'alias' in problem ? problem.alias.source : '';
  const message =
    'key' in problem
      ? `the key ${quote(text.slice(offset, node.range?.[1] ?? offset), 40)} ${at(text, offset)} is written twice in one mapping; Map keys must be unique (Kubernetes would keep only one value): remove one of them`
      : `the alias *${source} ${at(text, offset)} refers to no anchor; if you meant the text "*${source}", quote it, else set the anchor &${source} on a value before the alias or write that value out in its place`;
  return error(`${place.label}: ${message}`, place);
  return undefined;
}

/** The first problem of the text and its parsed documents, as an error result; undefined when there is none. */
export function checkDocument(text: string, docs: readonly Document[], what: string): Result | undefined {
  const character = forbiddenCharacterAt(text);
  if (character >= 0) return forbiddenCharacter(text, docs, what, character);
  for (const doc of docs) {
    const problem = documentProblem(text, doc, what);
    if (problem) return problem;
  }
  return undefined;
}
