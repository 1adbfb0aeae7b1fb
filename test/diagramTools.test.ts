/**
 * The diagrams `explain` prints, checked by the real tools where the machine has them: Mermaid's own parser
 * (the `mermaid` package, run under Node with jsdom standing in for the browser it expects), and Graphviz's `dot`
 * rendering each DOT file to SVG. Without them these tests say they are skipped and why; the strict grammar test
 * of test/explain.test.ts checks the Mermaid either way.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describeWith, ROOT, run, which } from './support/tools';

const GOLDEN = join(ROOT, 'testdata', 'explain');
const goldens = (ext: string): string[] => readdirSync(GOLDEN).filter((f) => f.endsWith(`.${ext}`));

function resolvable(name: string): string | undefined {
  try {
    return require.resolve(name, { paths: [ROOT] });
  } catch {
    return undefined;
  }
}

const JSDOM_PATH = resolvable('jsdom');
const MERMAID_PATH = resolvable('mermaid');

/** Parses each file with mermaid.parse; prints one JSON line per file: null, or the parser's message. */
const PARSE = `
const [jsdom, mermaidPath, ...files] = process.argv.slice(1);
const { readFileSync } = await import('node:fs');
const { JSDOM } = (await import(jsdom)).default;
globalThis.window = new JSDOM('').window;
globalThis.document = globalThis.window.document;
const { default: mermaid } = await import(mermaidPath);
for (const file of files) {
  try { await mermaid.parse(readFileSync(file, 'utf8')); console.log(JSON.stringify(null)); }
  catch (error) { console.log(JSON.stringify(String(error.message))); }
}`;

function mermaidParse(files: string[]): Array<string | null> {
  const args = ['--input-type=module', '-e', PARSE, pathToFileURL(JSDOM_PATH ?? '').href, pathToFileURL(MERMAID_PATH ?? '').href, ...files];
  const result = spawnSync(process.execPath, args, { encoding: 'utf8', timeout: 60_000 });
  if (result.status !== 0) throw new Error(`mermaid.parse did not run: ${result.stderr}`);
  return result.stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as string | null);
}

describeWith(
  JSDOM_PATH && MERMAID_PATH,
  "Mermaid's parser",
  'the `mermaid` and `jsdom` npm packages are not installed (npm install --no-save mermaid jsdom to run it)',
  () => {
    test.each(goldens('mmd'))('accepts testdata/explain/%s', (file) => {
      expect(mermaidParse([join(GOLDEN, file)])).toEqual([null]);
    });
    test('rejects a broken flowchart (so the check above means something)', () => {
      const broken = join(mkdtempSync(join(tmpdir(), 'mcr-mermaid-')), 'broken.mmd');
      writeFileSync(broken, 'flowchart LR\n  a["a"] -->|"50%| b["b"]\n');
      expect(mermaidParse([broken])[0]).toEqual(expect.stringContaining('Parse error'));
    });
  },
);

describeWith(which('dot'), 'Graphviz dot', "the `dot` command is not installed (Debian's graphviz package)", () => {
  test.each(goldens('dot'))('renders testdata/explain/%s to SVG without a warning', (file) => {
    const result = run(which('dot') as string, ['-Tsvg', join(GOLDEN, file)]);
    expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
    expect(result.stdout).toContain('<svg');
    for (const [, label] of readFileSync(join(GOLDEN, file), 'utf8').matchAll(/label="(reviews v\d)"/g)) expect(result.stdout).toContain(`>${label ?? ''}<`);
  });
});
