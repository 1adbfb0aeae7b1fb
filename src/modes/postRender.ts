/**
 * Helm post-renderer mode: a plain multi-document stream in (Helm's rendered manifests), the same stream out with
 * the generated resources appended; the functionConfig comes from a file. Errors go to stderr, exit code 1.
 */
import { isMap } from 'yaml';
import { formatResults } from '../krm/formatResults';
import { Item } from '../krm/item';
import { relabelNode } from '../krm/relabelNode';
import { parseYamlDocuments, stringifyNode } from '../krm/resourceList';
import { hasErrors } from '../krm/result';
import { toNode } from '../krm/yamlNodes';
import { TOOL } from '../names';
import { transform } from '../transform';
import type { Report } from './files';

function itemsOf(text: string, what: string): { items: Item[]; stderr?: string } {
  const parsed = parseYamlDocuments(text, what);
  if (!parsed.ok) return { items: [], stderr: formatResults(parsed.results) };
  return { items: parsed.value.flatMap((doc) => (isMap(doc.contents) ? [new Item(doc.contents, doc)] : [])) };
}

export function runPostRender(manifests: string, configText: string, configPath: string): Report {
  const config = itemsOf(configText, configPath);
  const input = itemsOf(manifests, 'the rendered manifests');
  const failed = config.stderr ?? input.stderr;
  if (failed !== undefined) return { stdout: '', stderr: failed, exitCode: 1 };
  const { output, results } = transform({ items: input.items, functionConfig: config.items[0] });
  if (!output || hasErrors(results)) return { stdout: '', stderr: `${formatResults(results)}${TOOL}: post-rendering failed\n`, exitCode: 1 };
  for (const [item, service] of output.relabel) relabelNode(item, service);
  const docs = [...output.kept.map((item) => stringifyNode(item.node)), ...output.generated.map((p) => stringifyNode(toNode(p.body)))];
  return { stdout: docs.map((doc) => `---\n${doc}`).join(''), stderr: formatResults(results), exitCode: 0 };
}
