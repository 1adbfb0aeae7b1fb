/**
 * The node a YAML alias refers to. `Alias.resolve(doc)` walks the whole document on every call, so a document with
 * an alias in each of its items took time quadratic in its size; here one walk in document order finds the target of
 * every alias of the document, and the document keeps the answer.
 */
import { isAlias, isCollection, isPair, isScalar } from 'yaml';
import type { Alias, Document, Node } from 'yaml';

interface Targets {
  /** Each alias of the document (as it was walked) → the closest anchor of its name before it. */
  readonly byAlias: Map<Alias, Node | undefined>;
  /** The last anchor of each name in the document, where `Alias.resolve` looks for an alias the walk did not meet. */
  readonly last: Map<string, Node>;
}

const walked = new WeakMap<Document, Targets>();

/** One walk in document order (a node before its children, a key before its value). Anchors can be redefined. */
function walk(doc: Document): Targets {
  const byAlias = new Map<Alias, Node | undefined>();
  const last = new Map<string, Node>();
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isAlias(node)) byAlias.set(node, last.get(node.source));
    else if (isPair(node)) stack.push(node.value, node.key);
    else if (isScalar(node) || isCollection(node)) {
      if (node.anchor) last.set(node.anchor, node);
      if (isCollection(node)) for (let i = node.items.length - 1; i >= 0; i--) stack.push(node.items[i]);
    }
  }
  return { byAlias, last };
}

/**
 * What `alias.resolve(doc)` returns, in constant time after the first call for the document. An alias the document
 * did not hold when it was walked (a copy put in since) walks it again, once.
 */
export function aliasTarget(alias: Alias, doc: Document): Node | undefined {
  let targets = walked.get(doc);
  if (!targets?.byAlias.has(alias)) {
    targets = walk(doc);
    walked.set(doc, targets);
    // An alias outside the document: resolve() meets no anchor after it, so the last one of its name is the target.
    if (!targets.byAlias.has(alias)) targets.byAlias.set(alias, targets.last.get(alias.source));
  }
  return targets.byAlias.get(alias);
}
