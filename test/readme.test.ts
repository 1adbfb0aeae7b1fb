/** README blocks marked `<!-- generated: <path> -->` must be what the bundled example prints for that file. */
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

test('the README shows what the example generates for each cluster', () => {
  const files = exampleFiles();
  const readme = readFileSync(README, 'utf8');
  const marker = /(<!-- generated: (\S+) -->\n```yaml\n)([\s\S]*?)(```)/g;
  const paths = [...readme.matchAll(marker)].map((m) => m[2]);
  expect(paths).toEqual(['clusters/cluster1/multicluster-routes.yaml', 'clusters/cluster2/multicluster-routes.yaml']);
  const fresh = readme.replace(marker, (_all, open: string, path: string, _body, close: string) => `${open}${files.get(path) ?? ''}\n${close}`);
  if (updating) writeFileSync(README, fresh);
  else expect(readme).toBe(fresh);
});
