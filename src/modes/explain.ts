/**
 * `explain`: the picture of a package's routing — for each calling cluster, where each share of each exported
 * service's traffic goes. Reads the package like files mode, runs the same core (so a mistake fails here too),
 * writes nothing, and prints Markdown (tables and Mermaid), plain text, Mermaid or Graphviz DOT.
 */
import { readFiles } from '../files/readFiles';
import { picture } from '../explain/picture';
import type { Picture } from '../explain/picture';
import { renderDot } from '../explain/renderDot';
import { renderMarkdown } from '../explain/renderMarkdown';
import { renderMermaid } from '../explain/renderMermaid';
import { renderText } from '../explain/renderText';
import { formatResults } from '../krm/formatResults';
import { hasErrors } from '../krm/result';
import { TOOL } from '../names';
import { transform } from '../transform';
import type { Report } from './files';
import { readTree } from './readTree';
import { loadConfig } from './loadConfig';

export const EXPLAIN_FORMATS = ['markdown', 'text', 'mermaid', 'dot'] as const;
export type ExplainFormat = (typeof EXPLAIN_FORMATS)[number];

export interface ExplainOptions {
  readonly dir: string;
  readonly config: string | undefined;
  readonly format: ExplainFormat;
  /** Only the traffic from this cluster. */
  readonly cluster: string | undefined;
}

const RENDER: Readonly<Record<ExplainFormat, (p: Picture) => string>> = {
  markdown: renderMarkdown,
  text: renderText,
  mermaid: renderMermaid,
  dot: renderDot,
};

export function runExplain(options: ExplainOptions): Report {
  const tree = readTree(options.dir);
  const read = readFiles(tree.files);
  const { config, results: configResults } = loadConfig(options, read.items);
  const early = [...tree.results, ...read.results, ...configResults];
  if (hasErrors(early) || !config) return { stdout: '', stderr: formatResults(early), exitCode: 1 };
  const { model, results } = transform({ items: read.items, functionConfig: config });
  const notes = formatResults([...tree.results, ...results]);
  if (!model || hasErrors(results)) return { stdout: '', stderr: `${notes}${TOOL}: fix the errors above to see the routing\n`, exitCode: 1 };
  const clusters = model.mesh.clusters.map((c) => c.name);
  const only = options.cluster ?? model.spec.targetCluster;
  if (only !== undefined && !clusters.includes(only)) {
    return {
      stdout: '',
      stderr: `${notes}error: --cluster ${JSON.stringify(only)} is not a cluster of the functionConfig; use one of ${clusters.join(', ')}\n`,
      exitCode: 1,
    };
  }
  const drawn = picture(model.mesh, model.spec, only === undefined ? undefined : [only]);
  return { stdout: RENDER[options.format](drawn), stderr: notes, exitCode: 0 };
}
