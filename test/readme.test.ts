/**
 * README blocks are generated, never hand-copied: `<!-- generated: <path> -->` blocks are what the bundled example
 * prints for that file, `<!-- include: <path> -->` blocks are that file of the repository.
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

test('the README shows what the example generates for each cluster, and the repository files it quotes', () => {
  const files = exampleFiles();
  const readme = readFileSync(README, 'utf8');
  const marker = /(<!-- (generated|include): (\S+) -->\n```(?:yaml|text|mermaid)?\n)([\s\S]*?)(```)/g;
  const blocks = [...readme.matchAll(marker)].map((m) => `${m[2] ?? ''}: ${m[3] ?? ''}`);
  expect(blocks).toEqual(
    expect.arrayContaining([
      'generated: clusters/cluster1/multicluster-routes.yaml',
      'generated: clusters/cluster2/multicluster-routes.yaml',
      'include: examples/bookinfo/Kptfile',
      'include: testdata/explain/bookinfo.mmd',
    ]),
  );
  const fresh = readme.replace(marker, (_all, open: string, kind: string, path: string, _body, close: string) => {
    const content = kind === 'generated' ? (files.get(path) ?? '') : readFileSync(join(ROOT, path), 'utf8').trimEnd();
    return `${open}${content}\n${close}`;
  });
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
