/**
 * Changing a node that YAML anchors and aliases share. An alias is a second place that shows the anchored node's
 * value: a change meant for one place must not show in the other, so the place that changes gets its own copy.
 */
import { isCollection, isPair, isScalar } from 'yaml';
import type { Alias, Document, YAMLMap } from 'yaml';
import { aliasIndex, replaceAlias } from './aliasIndex';

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

/** The aliases of the document that show `node`, from its alias index (no walk of the document per node). */
export function aliasesTo(node: YAMLMap, doc: Document): Alias[] {
  if (!node.anchor) return [];
  return [...(aliasIndex(doc).aliasesOf.get(node) ?? [])].filter((alias) => alias.source === node.anchor);
}

/** Before `node` changes: every alias that shows it becomes a copy of it as it is, and keeps that value. */
export function detachAliases(node: YAMLMap, doc: Document): void {
  for (const alias of aliasesTo(node, doc)) replaceAlias(alias, unanchoredCopy(node), doc);
}
