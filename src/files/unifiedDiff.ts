/** A unified diff of one file, short enough to read in a CI log (three lines of context). */
import { createTwoFilesPatch } from 'diff';

export function unifiedDiff(path: string, before: string | undefined, after: string | null): string {
  const patch = createTwoFilesPatch(
    before === undefined ? '/dev/null' : `a/${path}`,
    after === null ? '/dev/null' : `b/${path}`,
    before ?? '',
    after ?? '',
    undefined,
    undefined,
    { context: 3 },
  );
  return patch.split('\n').slice(1).join('\n');
}
