/**
 * README blocks are generated, never hand-copied: `<!-- generated: <path> -->` blocks are what the bundled example
 * prints for that file, `<!-- include: <path> -->` blocks are that file of the repository (or, with
 * `from "<text>" to "<text>"`, its lines from the first holding the one text through the next holding the other).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { updating } from './support/golden';

const ROOT = join(__dirname, '..');
const README = join(ROOT, 'README.md');

function exampleFiles(): Map<string, string> {
  const printed = execFileSync('node', ['scripts/example.mjs'], { cwd: ROOT, encoding: 'utf8' });
  const files = new Map<string, string>();
  for (const section of printed.split(/^# ===== /m).slice(1)) {
    const [header = '', ...body] = section.split('\n');
    files.set(header.replace(/ =====$/, ''), body.join('\n').trimEnd());
  }
  return files;
}

/** The lines of a file from the first that contains `from` through the next that contains `to` (both must exist). */
function excerpt(text: string, from: string, to: string, path: string): string {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.includes(from));
  const end = lines.findIndex((l, i) => i >= start && l.includes(to));
  if (start < 0 || end < 0) throw new Error(`README: ${path} has no lines from ${JSON.stringify(from)} to ${JSON.stringify(to)}`);
  const indent = Math.min(
    ...lines
      .slice(start, end + 1)
      .filter((l) => l.trim() !== '')
      .map((l) => l.length - l.trimStart().length),
  );
  return lines
    .slice(start, end + 1)
    .map((l) => l.slice(indent))
    .join('\n');
}

test('the README shows what the example generates for each cluster, and the repository files it quotes', () => {
  const files = exampleFiles();
  const readme = readFileSync(README, 'utf8');
  const marker = /(<!-- (generated|include): (\S+)(?: from "([^"]+)" to "([^"]+)")? -->\n```(?:yaml|text|mermaid)?\n)([\s\S]*?)(```)/g;
  const blocks = [...readme.matchAll(marker)].map((m) => `${m[2] ?? ''}: ${m[3] ?? ''}`);
  expect(blocks).toEqual(
    expect.arrayContaining([
      'generated: clusters/cluster1/multicluster-routes.yaml',
      'generated: clusters/cluster2/multicluster-routes.yaml',
      'include: examples/bookinfo/Kptfile',
      'include: testdata/explain/bookinfo.mmd',
    ]),
  );
  const fresh = readme.replace(
    marker,
    (_all, open: string, kind: string, path: string, from: string | undefined, to: string | undefined, _body, close: string) => {
      const whole = kind === 'generated' ? (files.get(path) ?? '') : readFileSync(join(ROOT, path), 'utf8').trimEnd();
      const content = from === undefined || to === undefined ? whole : excerpt(whole, from, to, path);
      return `${open}${content}\n${close}`;
    },
  );
  if (updating) writeFileSync(README, fresh);
  else expect(readme).toBe(fresh);
});

test('npm run example ends with a summary: the files written, the resources per cluster, the pod labels changed, what next', () => {
  const printed = execFileSync('node', ['scripts/example.mjs'], { cwd: ROOT, encoding: 'utf8' });
  const summary = printed.slice(printed.indexOf('# ===== summary =====\n'));
  expect(summary).toContain('would write 4 file(s):\n  updated examples/bookinfo/cluster1/bookinfo.yaml\n');
  expect(summary).toContain('  created examples/bookinfo/clusters/cluster2/multicluster-routes.yaml\n');
  expect(summary).toMatch(/\ncluster1: 1 ServiceEntry, 2 WorkloadEntry, 1 DestinationRule, 1 VirtualService, 1 Gateway\n/);
  expect(summary).toContain('  cluster2/bookinfo.yaml: Deployment reviews-v3 (service.multicluster-routes.dev/reviews: "true")\n');
  expect(summary).toContain('Next: `multicluster-routes explain examples/bookinfo --format text`');
  expect(summary.split('\n').length).toBeLessThan(20);
});
