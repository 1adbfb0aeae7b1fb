import { globMatcher } from './globMatcher';

test.each([
  ['cluster1/**', 'cluster1/bookinfo.yaml', true],
  ['cluster1/**', 'cluster1/a/b/c.yaml', true],
  ['cluster1/**', 'cluster10/a.yaml', false],
  ['cluster1/**', 'cluster1/', true],
  ['**/east/*.yaml', 'apps/east/x.yaml', true],
  ['**/east/*.yaml', 'a/b/east/x.yaml', true],
  ['**/east/*.yaml', 'east/x.yaml', true],
  ['**/east/*.yaml', 'least/x.yaml', false],
  ['**/east/*.yaml', 'east/sub/x.yaml', false],
  ['a/**/b', 'a/b', true],
  ['a/**/b', 'a/x/y/b', true],
  ['a/**/b', 'ab', false],
  ['a**b', 'a/x/b', true],
  ['*.yaml', 'x.yaml', true],
  ['*.yaml', 'dir/x.yaml', false],
  ['*', '', true],
  ['c?/x.yaml', 'c1/x.yaml', true],
  ['c?/x.yaml', 'c/x.yaml', false],
  ['c?x', 'c/x', false],
  ['?', '☃', true],
  ['a.b/x', 'aXb/x', false],
  ['a.b/x', 'a.b/x', true],
  ['(a|b)+[x]', '(a|b)+[x]', true],
  ['x', 'xx', false],
  ['', '', true],
])('glob %j matches %j: %s', (glob, path, expected) => {
  expect(globMatcher(glob)(path)).toBe(expected);
});

test('a glob of 100,000 characters is matched, not compiled into a regular expression too large to build', () => {
  const glob = 'x'.repeat(100_000);
  expect(globMatcher(glob)(glob)).toBe(true);
  expect(globMatcher(glob)(`${glob}y`)).toBe(false);
});

test('many stars against a long path that almost matches take linear time, not backtracking', () => {
  // As a regular expression, (?:[^/]*a){k}$ backtracks through every way to split the path: here it never ends.
  const matches = globMatcher('*a'.repeat(200));
  const started = performance.now();
  expect(matches(`${'a'.repeat(5_000)}b`)).toBe(false);
  expect(matches('a'.repeat(5_000))).toBe(true);
  expect(performance.now() - started).toBeLessThan(2_000);
});

/** The same globs as regular expressions, safe for short ones: the reference the matcher must agree with. */
function reference(glob: string): RegExp {
  const body = glob
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*\*\/|\*\*|\*|\?/g, (m) => ({ '**/': '(?:.*/)?', '**': '.*', '*': '[^/]*', '?': '[^/]' })[m] ?? m);
  return new RegExp(`^${body}$`, 's');
}

test('random short globs and paths match as the regular expression of the glob does', () => {
  const alphabet = ['a', 'b', '/', '*', '**', '**/', '?', '.'];
  let seed = 1;
  const random = (n: number): number => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed % n;
  };
  const pick = (from: readonly string[], length: number): string => Array.from({ length }, () => from[random(from.length)]).join('');
  for (let k = 0; k < 3_000; k++) {
    const glob = pick(alphabet, random(6));
    const path = pick(['a', 'b', '/', '.'], random(8));
    expect([glob, path, globMatcher(glob)(path)]).toEqual([glob, path, reference(glob).test(path)]);
  }
});
