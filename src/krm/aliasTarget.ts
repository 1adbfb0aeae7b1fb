/**
 * The node a YAML alias refers to. `Alias.resolve(doc)` walks the whole document on every call, so a document with
 * an alias in each of its items took time quadratic in its size; here the document's alias index (one walk in
 * document order, kept for the document) answers.
 */
import type { Alias, Document, Node } from 'yaml';
import { aliasIndex, forgetAliases } from './aliasIndex';

/**
 * What `alias.resolve(doc)` returns, in constant time after the first call for the document. An alias the index does
 * not hold (one put into the document by other means since) walks the document again, once.
 */
export function aliasTarget(alias: Alias, doc: Document): Node | undefined {
  let index = aliasIndex(doc);
  if (!index.places.has(alias)) {
    forgetAliases(doc);
    index = aliasIndex(doc);
  }
  const place = index.places.get(alias);
  if (place) return place.target;
  // An alias outside the document: resolve() meets no anchor after it, so the last one of its name is the target.
  return index.anchors.get(alias.source)?.at(-1)?.node;
}
