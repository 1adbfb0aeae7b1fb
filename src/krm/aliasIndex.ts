/**
 * Every alias of a YAML document, found in one walk in document order and kept for the document: the node each one
 * refers to (what `Alias.resolve` returns), the aliases that refer to each node, and where each alias is held, so that
 * it can be replaced without walking the document again. The index follows the changes made through it (an alias
 * replaced by a copy, whose own aliases join the index); any other change that adds aliases or removes anchors must
 * call `forgetAliases`.
 */
import { isAlias, isCollection, isDocument, isPair, isScalar } from 'yaml';
import type { Alias, Document, Node, Pair, YAMLSeq } from 'yaml';

/** What holds an alias: a pair (as key or value), a sequence, or the document itself. */
type Holder = Pair | YAMLSeq | Document;

interface Place {
  /** The node the alias refers to: the closest anchor of its name before it. */
  readonly target: Node | undefined;
  /** Its position in the walk (the position of the alias it was copied for, for an alias in an inserted copy). */
  readonly at: number;
  readonly holder: Holder;
}

export interface AliasIndex {
  readonly places: Map<Alias, Place>;
  /** Each anchored node → the aliases that refer to it, in document order. */
  readonly aliasesOf: Map<Node, Set<Alias>>;
  /** Each anchor name → its nodes with their positions in the walk, in document order. */
  readonly anchors: Map<string, { readonly at: number; readonly node: Node }[]>;
}

const indexes = new WeakMap<Document, AliasIndex>();

/** The last node anchored `name` before position `at`. */
function anchorBefore(index: AliasIndex, name: string, at: number): Node | undefined {
  const list = index.anchors.get(name) ?? [];
  let [low, high] = [0, list.length];
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((list[mid] as { at: number }).at < at) low = mid + 1;
    else high = mid;
  }
  return list[low - 1]?.node;
}

/** Put the aliases under `root` (held by `holder`) into the index, all at position `at`, or at their own positions. */
function add(index: AliasIndex, root: unknown, holder: Holder, at?: number): void {
  let position = 0;
  const stack: [unknown, Holder][] = [[root, holder]];
  while (stack.length > 0) {
    const [node, parent] = stack.pop() as [unknown, Holder];
    const here = at ?? position++;
    if (isAlias(node)) {
      const target = anchorBefore(index, node.source, here);
      index.places.set(node, { target, at: here, holder: parent });
      if (target) index.aliasesOf.set(target, (index.aliasesOf.get(target) ?? new Set()).add(node));
    } else if (isPair(node)) stack.push([node.value, node], [node.key, node]);
    else if (isScalar(node) || isCollection(node)) {
      if (node.anchor && at === undefined) {
        const list = index.anchors.get(node.anchor) ?? [];
        index.anchors.set(node.anchor, list).get(node.anchor)?.push({ at: here, node });
      }
      if (isCollection(node)) for (let i = node.items.length - 1; i >= 0; i--) stack.push([node.items[i], node as Holder]);
    }
  }
}

/** The index of the document, walked on first use (again after `forgetAliases`). */
export function aliasIndex(doc: Document): AliasIndex {
  let index = indexes.get(doc);
  if (!index) {
    index = { places: new Map(), aliasesOf: new Map(), anchors: new Map() };
    add(index, doc.contents, doc);
    indexes.set(doc, index);
  }
  return index;
}

/** The document changed in a way the index does not follow: walk it again when it is next used. */
export function forgetAliases(doc: Document): void {
  indexes.delete(doc);
}

/** Put `copy` where `alias` is held in the document (nowhere if it no longer is there); its aliases join the index. */
export function replaceAlias(alias: Alias, copy: Node, doc: Document): void {
  let index = aliasIndex(doc);
  if (!index.places.has(alias)) forgetAliases(doc);
  index = aliasIndex(doc);
  const place = index.places.get(alias);
  if (!place) return;
  const { holder } = place;
  if (isPair(holder)) {
    if (holder.value === alias) holder.value = copy;
    else if (holder.key === alias) holder.key = copy;
    else return;
  } else if (isDocument(holder)) {
    if (holder.contents !== alias) return;
    holder.contents = copy;
  } else {
    const i = holder.items.indexOf(alias);
    if (i < 0) return;
    holder.items[i] = copy;
  }
  if (place.target) index.aliasesOf.get(place.target)?.delete(alias);
  add(index, copy, holder, place.at);
}
