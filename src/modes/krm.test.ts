/**
 * The fast path (split by indentation, items passed through as text) and the exact path (the whole list parsed)
 * must mean the same thing: for every golden input, the same input as JSON (which only the exact path reads), with
 * indented sequences, and with every item written in flow style on one line gives output with the same content and
 * exit code.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { runKrm } from './krm';

const ROOT = join(__dirname, '..', '..', 'testdata');
const inputs = readdirSync(ROOT)
  .filter((name) => existsSync(join(ROOT, name, 'input.yaml')))
  .map((name) => [name, readFileSync(join(ROOT, name, 'input.yaml'), 'utf8')] as const)
  .flatMap(([name, text]) => {
    try {
      const value: unknown = parse(text);
      return value !== null && typeof value === 'object' && (value as { kind?: unknown }).kind === 'ResourceList' ? [[name, text, value] as const] : [];
    } catch {
      return [];
    }
  });

/** Output content without the results' wording of YAML positions, which differ between layouts. */
const content = (stdout: string): unknown => {
  const list = parse(stdout) as { items?: unknown; functionConfig?: unknown; results?: Array<{ tags?: unknown; severity?: unknown }> };
  return { items: list.items, functionConfig: list.functionConfig, results: (list.results ?? []).map((r) => [r.severity, r.tags]) };
};

/** The list with each item in flow style on one line (`- {"apiVersion": …}`), the rest in block style. */
function flowItems(value: object): string {
  const { items, ...rest } = value as { items?: unknown };
  if (!Array.isArray(items) || items.length === 0) return stringify(value);
  return `${stringify(rest)}items:\n${items.map((item) => `- ${JSON.stringify(item)}\n`).join('')}`;
}

test('there are inputs to compare', () => {
  expect(inputs.length).toBeGreaterThan(30);
});

describe.each(inputs)('%s', (_name, text, value) => {
  const fast = runKrm(text);
  test('as JSON (the exact path) it means the same', () => {
    const exact = runKrm(JSON.stringify(value));
    expect(exact.exitCode).toBe(fast.exitCode);
    expect(content(exact.stdout)).toEqual(content(fast.stdout));
  });
  test('with indented sequences it means the same', () => {
    const indented = runKrm(stringify(value, { indentSeq: true }));
    expect(indented.exitCode).toBe(fast.exitCode);
    expect(content(indented.stdout)).toEqual(content(fast.stdout));
  });
  test('with flow-style items it means the same', () => {
    const flow = runKrm(flowItems(value));
    expect(flow.exitCode).toBe(fast.exitCode);
    expect(content(flow.stdout)).toEqual(content(fast.stdout));
  });
});
