/** Golden files: compared by default, rewritten (for review in the diff) when UPDATE_GOLDEN=1. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

export const updating = process.env['UPDATE_GOLDEN'] === '1';

export function expectGolden(path: string, actual: string): void {
  if (updating) {
    writeFileSync(path, actual);
    return;
  }
  if (!existsSync(path)) throw new Error(`${path} is missing; run \`npm run test:update\` and review the new file`);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}
