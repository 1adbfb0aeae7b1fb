/**
 * Limits on hostile input: text that is not UTF-8, YAML aliases that expand without bound ("billion laughs"),
 * nesting deeper than the parsers' stacks. Each becomes a result that says what is wrong, never a crash or a hang.
 */
import { isAlias, isCollection, isPair } from 'yaml';
import type { Document, Node } from 'yaml';
import { aliasTarget } from './aliasTarget';

/** Kubernetes' own limit on the total size of a resource's annotations. */
export const MAX_ANNOTATIONS_BYTES = 256 * 1024;
/** Nodes a document may expand to through its aliases. */
export const MAX_EXPANDED_NODES = 1_000_000;

const decoder = new TextDecoder('utf-8', { fatal: true });

/** The text of UTF-8 bytes, or undefined when they are not UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return decoder.decode(bytes);
  } catch {
    return undefined;
  }
}

/** How many nodes the document holds once every alias is expanded (0 without aliases), counted without expanding. */
export function expandedSize(doc: Document): number {
  const sizes = new Map<unknown, number>();
  let aliases = false;
  const size = (node: unknown): number => {
    const known = sizes.get(node);
    if (known !== undefined) return known;
    // Provisional, until the node is counted: an alias inside the node it refers to (`&a [*a]`) expands for ever.
    sizes.set(node, MAX_EXPANDED_NODES + 1);
    let total = 1;
    if (isAlias(node)) {
      aliases = true;
      total = size(aliasTarget(node, doc));
    } else if (isPair(node)) total = size(node.key) + size(node.value);
    else if (isCollection(node)) for (const item of node.items) total = Math.min(MAX_EXPANDED_NODES + 1, total + size(item));
    sizes.set(node, total);
    return total;
  };
  const total = size(doc.contents as Node | null);
  return aliases ? total : 0;
}

/** A RangeError from a parser or walker: the stack ran out on deeply nested input. */
export const isTooDeep = (error: unknown): boolean => error instanceof RangeError;

/** What to say when `what` (or a value in it) is nested deeper than the parsers' stacks reach. */
export const TOO_DEEP = 'is nested too deeply to read';
export const TOO_DEEP_FIX = 'flatten it: a Kubernetes manifest needs at most a few dozen levels of lists and maps';

/**
 * Characters YAML does not allow in a stream, written raw (outside its printable set: C0 controls other than tab,
 * line feed and carriage return, DEL, C1 controls other than NEL, U+FFFE and U+FFFF; lone surrogates cannot come from
 * UTF-8). kpt and kubectl (go-yaml) reject a document that holds one, so the function must not pass one through.
 * Without the `u` flag the scan is several times faster, and it runs on every input.
 */
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]/;

/** The offset of the first character YAML forbids in the text, or -1. One linear scan. */
export const forbiddenCharacterAt = (text: string): number => text.search(FORBIDDEN);
