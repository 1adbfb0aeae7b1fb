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

/** A user's value as JSON for a message, cut short when long: the message must stay readable whatever the input. */
export function quote(value: unknown, max = 80): string {
  if (typeof value === 'string' && value.length > max)
    return `${JSON.stringify(value.slice(0, max).replace(/[\uD800-\uDBFF]$/, ''))}… (${value.length} characters)`;
  const text = JSON.stringify(value) ?? String(value);
  return text.length <= max ? text : `${text.slice(0, max)}…`;
}

/** A field path as results write it: `spec.clusters[0].paths`, a key that is not a plain word in brackets (`["a.b"]`). */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, i) => {
      if (typeof key === 'number') return `[${key}]`;
      const name = String(key);
      return /^[A-Za-z0-9_-]+$/.test(name) ? `${i === 0 ? '' : '.'}${name}` : `[${JSON.stringify(name)}]`;
    })
    .join('');
}
