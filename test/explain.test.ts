/**
 * `explain`: the picture of the routing, as golden files (testdata/explain/<case>.{txt,mmd,dot}, rewritten with
 * UPDATE_GOLDEN=1), its Mermaid in the strict grammar of the subset it emits, and the command's wiring.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mermaidLabel } from '../src/explain/renderMermaid';
import { runExplain } from '../src/modes/explain';
import type { ExplainFormat } from '../src/modes/explain';
import { expectGolden } from './support/golden';
import { mermaidProblems } from './support/mermaidSubset';
import { BIN, ROOT, run, scratch } from './support/tools';

const GOLDEN = join(ROOT, 'testdata', 'explain');
const CASES: ReadonlyArray<readonly [string, string]> = [
  ['bookinfo', 'examples/bookinfo'],
  ['three-clusters', 'testdata/explain/three-clusters'],
  ['route-fields', 'testdata/explain/route-fields'],
  ['failover', 'testdata/explain/failover'],
];
const FILES: ReadonlyArray<readonly [ExplainFormat, string]> = [
  ['text', 'txt'],
  ['mermaid', 'mmd'],
  ['dot', 'dot'],
];

const explain = (dir: string, format: ExplainFormat, cluster?: string) => runExplain({ dir: join(ROOT, dir), config: undefined, format, cluster });

/** The bodies of the ```mermaid blocks of a Markdown text. */
const mermaidBlocks = (markdown: string): string[] => [...markdown.matchAll(/```mermaid\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');

describe.each(CASES)('%s', (name, dir) => {
  test.each(FILES)('--format %s matches the golden .%s file', (format, ext) => {
    const report = explain(dir, format);
    expect(report.exitCode).toBe(0);
    expectGolden(join(GOLDEN, `${name}.${ext}`), report.stdout);
  });

  test('the Mermaid flowchart is in the strict grammar of the emitted subset', () => {
    expect(mermaidProblems(explain(dir, 'mermaid').stdout)).toEqual([]);
  });

  test('the default Markdown has, per cluster, a heading, its table and its own flowchart', () => {
    const markdown = explain(dir, 'markdown').stdout;
    const clusters = [...markdown.matchAll(/^## Traffic from (\S+)/gm)].map((m) => m[1]);
    expect(clusters.length).toBeGreaterThan(1);
    expect(markdown.match(/^```text\nSERVICE +RULE +MATCH +SHARE +VERSION +CLUSTER +GATEWAY$/gm)).toHaveLength(clusters.length);
    const blocks = mermaidBlocks(markdown);
    expect(blocks).toHaveLength(clusters.length);
    for (const block of blocks) expect(mermaidProblems(block)).toEqual([]);
  });
});

test('a Mermaid label replaces what would end it, read as HTML or read as an entity', () => {
  expect(mermaidLabel('say "hi" to <b> #1 #quot; &amp; `x`')).toBe(`"say 'hi' to ‹b› #1 ＃quot; ＆amp; 'x'"`);
  expect(mermaidProblems(`flowchart LR\n  a[${mermaidLabel('say "hi" #quot; &amp;')}]\n`)).toEqual([]);
});

test('the strict grammar rejects what Mermaid would misread', () => {
  expect(mermaidProblems('flowchart LR\n  a["say "hi""]\n')).toEqual([expect.stringContaining('not in the grammar')]);
  expect(mermaidProblems('flowchart LR\n  a["a #quot;b#quot;"]\n')).toEqual([expect.stringContaining('not in the grammar')]);
  expect(mermaidProblems('flowchart LR\n  end["x"]\n')).toEqual([expect.stringContaining('keyword')]);
  expect(mermaidProblems('flowchart LR\n  a["x"]\n  a --> b\n')).toEqual([expect.stringContaining('b is not declared')]);
  expect(mermaidProblems('flowchart LR\n  subgraph g["x"]\n')).toEqual(['1 subgraph(s) not closed']);
});

test('bookinfo from cluster1: jason goes 50/50 to v2 and v3 through cluster2’s gateway, everyone else stays on local v1', () => {
  const table = explain('examples/bookinfo', 'text', 'cluster1').stdout;
  expect(table).not.toContain('cluster2 (profile');
  expect(table.split('\n').map((l) => l.split(/ {2,}/).filter(Boolean))).toEqual(
    expect.arrayContaining([
      ['default/reviews', '0 jason', 'header end-user exact jason', '50%', 'v2', 'cluster2', '198.51.100.20:15443'],
      ['50%', 'v3', 'cluster2', '198.51.100.20:15443'],
      ['1', 'any request', '100%', 'v1', 'cluster1', 'local'],
    ]),
  );
});

test('an unknown --cluster, and a package with an error, fail with the reason and print no picture', () => {
  const unknown = explain('examples/bookinfo', 'text', 'cluster9');
  expect(unknown).toMatchObject({ exitCode: 1, stdout: '' });
  expect(unknown.stderr).toContain('--cluster "cluster9" is not a cluster of the functionConfig; use one of cluster1, cluster2');
  const dir = scratch('examples/bookinfo');
  for (const cluster of ['cluster1', 'cluster2']) {
    const path = join(dir, cluster, 'bookinfo.yaml');
    writeFileSync(path, readFileSync(path, 'utf8').replace('to: {v2: 50, v3: 50}', 'to: {v2: 50, v4: 50}'));
  }
  const broken = runExplain({ dir, config: undefined, format: 'text', cluster: undefined });
  expect(broken).toMatchObject({ exitCode: 1, stdout: '' });
  expect(broken.stderr).toMatch(/^error: .*version "v4", which runs in no cluster/m);
});

test('the executable: `explain` prints the golden picture; a bad --format is a usage error', () => {
  const mermaid = run(BIN, ['explain', 'examples/bookinfo', '--format', 'mermaid']);
  expect({ status: mermaid.status, stderr: mermaid.stderr }).toEqual({ status: 0, stderr: '' });
  expect(mermaid.stdout).toBe(readFileSync(join(GOLDEN, 'bookinfo.mmd'), 'utf8'));
  const bad = run(BIN, ['explain', 'examples/bookinfo', '--format', 'png']);
  expect(bad.status).toBe(2);
  expect(bad.stderr).toContain('explain --format "png": use one of markdown, text, mermaid, dot');
});
