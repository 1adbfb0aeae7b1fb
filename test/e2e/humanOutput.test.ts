/**
 * What a person reads — a terminal, a CI log, the pull-request comment `explain` writes — never carries a control
 * character from the input, and a name cannot break out of explain's Markdown.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runExplain } from '../../src/modes/explain';
import { runFiles } from '../../src/modes/files';
import { runKrm } from '../../src/modes/krm';
import { scratch } from '../support/tools';

// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\x00-\x08\x0B-\x1F\x7F-\x9F\u202A-\u202E\u2066-\u2069]/;

/** Bookinfo whose route match value sets the terminal's title, then tries to close the code block and add a heading. */
function hostileBookinfo(): string {
  const dir = scratch('examples/bookinfo');
  for (const cluster of ['cluster1', 'cluster2']) {
    const path = join(dir, cluster, 'bookinfo.yaml');
    const value = '"jason\\e]0;pwned\\a\\n```\\n# Injected heading\\n\\u202Eevil"';
    writeFileSync(path, readFileSync(path, 'utf8').replace('exact: jason', `exact: ${value}`));
  }
  return dir;
}

test.each(['markdown', 'text', 'mermaid', 'dot'] as const)('explain --format %s escapes control characters from the input', (format) => {
  const report = runExplain({ dir: hostileBookinfo(), config: undefined, cluster: undefined, format });
  expect(report.exitCode).toBe(0);
  expect(report.stdout).not.toMatch(RAW_CONTROL);
  expect(report.stdout).toMatch(/jason\\+u001b\]0;pwned\\+u0007\\+u000a/);
  expect(report.stdout).not.toMatch(/^# Injected/m);
});

test("explain's Markdown keeps a name inside its code block, whatever backticks it holds", () => {
  const markdown = runExplain({ dir: hostileBookinfo(), config: undefined, cluster: undefined, format: 'markdown' }).stdout;
  const lines = markdown.split('\n');
  // Walk the blocks as CommonMark does: a fence closes only with a line of at least as many backticks.
  let open: string | undefined;
  const outside: string[] = [];
  for (const line of lines) {
    const fence = /^(`{3,})(.*)$/.exec(line);
    if (open === undefined && fence) open = fence[1];
    else if (open !== undefined && fence && (fence[1]?.length ?? 0) >= open.length && fence[2] === '') open = undefined;
    else if (open === undefined) outside.push(line);
  }
  expect(open).toBeUndefined();
  expect(outside.filter((line) => line.includes('jason'))).toEqual([]);
  expect(outside.filter((line) => line !== '')).toEqual(['## Traffic from cluster1 (profile current)', '## Traffic from cluster2 (profile current)']);
});

test('files mode names a file whose name holds escape sequences without sending them to the terminal', async () => {
  const dir = scratch('examples/bookinfo');
  writeFileSync(join(dir, 'cluster1', '\u001b[2J\u001b]0;pwned\u0007.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x\n');
  const report = await runFiles({ dir, config: undefined, check: false });
  expect(report.exitCode).toBe(1);
  expect(report.stderr).not.toMatch(RAW_CONTROL);
  expect(report.stderr).toContain('cluster1/\\u001b[2J\\u001b]0;pwned\\u0007.yaml');
});

test("a KRM result's message, which kpt prints, carries no control character of the input", () => {
  const input = readFileSync(join(__dirname, '..', '..', 'testdata', 'bookinfo-current', 'input.yaml'), 'utf8')
    .replaceAll('to: {v2: 50, v3: 50}', 'to: {v2: 50, v3: 40}')
    .replaceAll('    name: reviews\n', '    name: "reviews\\e[2J"\n');
  const result = runKrm(input);
  expect(result.exitCode).toBe(1);
  // The escape as text (single-quoted YAML keeps one backslash, double-quoted writes two), never the raw character.
  expect(result.stdout).toMatch(/message: .*reviews\\{1,2}u001b\[2J/);
  expect(result.stdout).not.toContain('\u001b');
});

test("--check's report cannot be forged by a file name with line breaks", async () => {
  const dir = scratch('examples/bookinfo');
  const forged = 'x\n+injected: true\n.yaml';
  renameSync(join(dir, 'cluster1', 'bookinfo.yaml'), join(dir, 'cluster1', forged));
  const report = await runFiles({ dir, config: undefined, check: true });
  expect(report.exitCode).toBe(1);
  expect(report.stdout).not.toMatch(/^\+injected/m);
  expect(report.stdout).toContain('+++ b/cluster1/x\\u000a+injected: true\\u000a.yaml\n');
});
