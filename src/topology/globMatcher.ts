/**
 * A `paths` glob (`*`, `**`, `?`) as a test over slash-separated paths, in time linear in the path for each glob
 * position. No regular expression: a long glob made one too large to compile, and a glob with many stars made one
 * that backtracks for longer than any run may take.
 */

type Token =
  | { readonly kind: 'char'; readonly char: string }
  /** `?`: one character, not `/`. */
  | { readonly kind: 'one' }
  /** `*`: any run of characters without `/`. */
  | { readonly kind: 'star' }
  /** `**` (not before `/`): any run of characters. */
  | { readonly kind: 'any' }
  /** `**` followed by `/`: nothing, or any run of characters that ends with `/`. */
  | { readonly kind: 'dirs' };

/** Characters are code points, as the path's are. */
function tokenize(glob: string): Token[] {
  const chars = Array.from(glob);
  const tokens: Token[] = [];
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i] as string;
    if (char === '*' && chars[i + 1] === '*') {
      const dirs = chars[i + 2] === '/';
      tokens.push({ kind: dirs ? 'dirs' : 'any' });
      i += dirs ? 2 : 1;
    } else if (char === '*') tokens.push({ kind: 'star' });
    else if (char === '?') tokens.push({ kind: 'one' });
    else tokens.push({ kind: 'char', char });
  }
  return tokens;
}

/**
 * The glob positions the path read so far may have reached: `at` (the glob matched up to that token) and `inDirs`
 * (in the middle of the `**` + `/` that is that token). Only live positions are listed, so a long glob of plain
 * characters costs one position per character of the path.
 */
class States {
  readonly at: number[] = [];
  readonly inDirs: number[] = [];
  private readonly seenAt: Uint32Array;
  private readonly seenDirs: Uint32Array;
  private stamp = 1;

  constructor(private readonly tokens: readonly Token[]) {
    this.seenAt = new Uint32Array(tokens.length + 1);
    this.seenDirs = new Uint32Array(tokens.length);
  }

  clear(): void {
    this.at.length = 0;
    this.inDirs.length = 0;
    this.stamp++;
  }

  /** Position i, and the ones after it that a star may skip by matching nothing. */
  reach(i: number): void {
    for (let j = i; j <= this.tokens.length && this.seenAt[j] !== this.stamp; j++) {
      this.seenAt[j] = this.stamp;
      this.at.push(j);
      const kind = this.tokens[j]?.kind;
      if (kind === undefined || kind === 'char' || kind === 'one') break;
    }
  }

  enterDirs(i: number): void {
    if (this.seenDirs[i] === this.stamp) return;
    this.seenDirs[i] = this.stamp;
    this.inDirs.push(i);
  }
}

/** `to` becomes the positions reached from `from` by reading the character c. */
function step(tokens: readonly Token[], from: States, c: string, to: States): void {
  to.clear();
  const slash = c === '/';
  for (const i of from.inDirs) {
    to.enterDirs(i);
    if (slash) to.reach(i + 1);
  }
  for (const i of from.at) {
    const token = tokens[i];
    if (token === undefined) continue; // the end of the glob: nothing more may follow
    if (token.kind === 'char') {
      if (c === token.char) to.reach(i + 1);
    } else if (token.kind === 'one') {
      if (!slash) to.reach(i + 1);
    } else if (token.kind === 'dirs') {
      to.enterDirs(i);
      if (slash) to.reach(i + 1);
    } else if (token.kind === 'any' || !slash) to.reach(i);
  }
}

/** The glob as a test of a whole path: the set of glob positions, advanced one character at a time (no backtracking). */
export function globMatcher(glob: string): (path: string) => boolean {
  const tokens = tokenize(glob);
  return (path) => {
    let current = new States(tokens);
    let spare = new States(tokens);
    current.reach(0);
    for (const c of path) {
      step(tokens, current, c, spare);
      [current, spare] = [spare, current];
      if (current.at.length === 0 && current.inDirs.length === 0) return false;
    }
    return current.at.includes(tokens.length);
  };
}
