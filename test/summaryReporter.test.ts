/** The summary Jest prints after its own: each skipped test with the reason in its name, and the time per suite. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, run } from './support/tools';

test('a skipped suite and a skipped test are listed with their reasons; every suite has its time', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mcr-reporter-'));
  writeFileSync(
    join(dir, 'some.test.js'),
    `describe.skip('kpt — skipped: kpt not installed', () => { test('renders', () => {}); });
test.skip('reads slowly (skipped: needs python3 as the parent)', () => {});
test('runs', () => {});
`,
  );
  const config = { rootDir: dir, testEnvironment: 'node', reporters: ['default', join(ROOT, 'test', 'support', 'summaryReporter.js')] };
  const result = run(process.execPath, [join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js'), '--config', JSON.stringify(config), '--maxWorkers=1'], {
    cwd: dir,
  });
  expect(result.status).toBe(0);
  expect(result.stderr).toContain(
    'Skipped (2), each with its reason:\n  some.test.js: kpt — skipped: kpt not installed renders\n  some.test.js: reads slowly (skipped: needs python3 as the parent)\n',
  );
  expect(result.stderr).toMatch(/Time per suite, slowest first:\n +\d+\.\d s {2}some\.test\.js\n/);
});
