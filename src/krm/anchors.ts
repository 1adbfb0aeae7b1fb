/**
 * Changing a node that YAML anchors and aliases share. An alias is a second place that shows the anchored node's
 * value: a change meant for one place must not show in the other, so the place that changes gets its own copy.
 */
import { isCollection, isPair, isScalar, visit } from 'yaml';
import type { Alias, Document, YAMLMap } from 'yaml';
import { aliasTarget } from './aliasTarget';

/** A deep copy of a map without anchors (those stay with the original, where the aliases to them point). */
export function unanchoredCopy(node: YAMLMap): YAMLMap {
  const copy = node.clone() as YAMLMap;
  const stack: unknown[] = [copy];
  while (stack.length > 0) {
    const next = stack.pop();
    if (isPair(next)) stack.push(next.key, next.value);
    else if (isScalar(next) || isCollection(next)) {
      delete next.anchor;
      if (isCollection(next)) for (const item of next.items) stack.push(item);
    }
  }
  return copy;
}

const refersTo = (alias: Alias, node: YAMLMap, doc: Document): boolean => alias.source === node.anchor && aliasTarget(alias, doc) === node;

/** The aliases of the document that show `node`. */
export function aliasesTo(node: YAMLMap, doc: Document): Alias[] {
  const found: Alias[] = [];
  if (node.anchor) visit(doc, { Alias: (_key, alias) => void (refersTo(alias, node, doc) && found.push(alias)) });
  return found;
}

/** Before `node` changes: every alias that shows it becomes a copy of it as it is, and keeps that value. */
export function detachAliases(node: YAMLMap, doc: Document): void {
  if (node.anchor) visit(doc, { Alias: (_key, alias) => (refersTo(alias, node, doc) ? unanchoredCopy(node) : undefined) });
}
