/** Small helpers shared by every stage. */

/** Code-point order: deterministic whatever the locale. */
export const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Split 100 over n destinations: equal shares, the remainder to the first ones. */
export function evenWeights(n: number): number[] {
  const base = Math.floor(100 / n);
  return Array.from({ length: n }, (_, i) => base + (i < 100 - base * n ? 1 : 0));
}

/** A YAML value's text without a trailing ` # comment` (linear time: no backtracking over long runs of spaces). */
export function stripComment(text: string): string {
  const at = text.search(/\s#/);
  return (at < 0 ? text : text.slice(0, at)).trim();
}
