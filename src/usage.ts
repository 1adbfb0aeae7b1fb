/** Each mode's command line: the options it takes and its usage, shown by --help and with a usage error. */
import { TOOL } from './names';

export type Mode = 'krm' | 'files' | 'explain' | 'post-render' | 'facts';

export interface ModeUsage {
  /** The options the mode takes, besides --help and --version. */
  readonly options: readonly string[];
  readonly usage: string;
}

export const MODES: Readonly<Record<Mode, ModeUsage>> = {
  krm: {
    options: [],
    usage: `  ${TOOL} < resource-list.yaml > out.yaml
      KRM function: a ResourceList on stdin and stdout (kpt fn eval/render --exec, kustomize exec transformer).
      Error results are also printed to stderr (kustomize and Argo CD show only stderr).`,
  },
  files: {
    options: ['config', 'check'],
    usage: `  ${TOOL} files [DIR] [--config FILE] [--check]
      Read the package DIR (default .), write each cluster's generated file where output.path says and the pod
      labels, atomically; nothing is written when there is an error. --check writes nothing and prints, per stale
      file, a short diff (a new or deleted file as one line naming its resources; exit 1). The functionConfig is
      FILE, else the MulticlusterRoutes in DIR.`,
  },
  explain: {
    options: ['config', 'cluster', 'format'],
    usage: `  ${TOOL} explain [DIR] [--config FILE] [--cluster C] [--format markdown|text|mermaid|dot]
      Show where each exported service's traffic goes from each cluster (or only C): every route rule, its share,
      the version, the cluster that runs it and the gateway on the way. Default: Markdown, a table and a Mermaid
      flowchart per cluster; text: the tables; mermaid, dot: one diagram (GitHub renders Mermaid; dot -Tsvg).`,
  },
  'post-render': {
    options: ['config', 'errors-as-document'],
    usage: `  ${TOOL} post-render --config FILE [--errors-as-document]
      Helm post-renderer: rendered manifests (a YAML stream) on stdin, the same plus the generated resources on
      stdout. --errors-as-document reports errors in a form Helm 4 shows (it hides a post-renderer's stderr).`,
  },
  facts: {
    options: ['config', 'cluster', 'update', 'check'],
    usage: `  ${TOOL} facts [DIR] [--config FILE] [--cluster C] [--update OVERLAY-CONFIG [--check]]
      Print the remoteWorkloads of DIR's manifests, leaving out cluster C's own, for an overlay's functionConfig;
      --update writes them into that file (keeping the rest of it), --check only says whether it is stale.`,
  },
};

/** The options given that the mode does not take, as they were spelled (`--check`). */
export function unknownOptions(mode: Mode, given: Readonly<Record<string, unknown>>): string[] {
  const allowed = new Set([...MODES[mode].options, 'help', 'version']);
  return Object.keys(given)
    .filter((name) => given[name] !== undefined && given[name] !== false && !allowed.has(name))
    .map((name) => `--${name}`);
}

/** Why a mode refused its options, with that mode's usage. */
export function optionsError(mode: Mode, options: readonly string[]): string {
  const what = mode === 'krm' ? 'the KRM function mode (no command)' : mode;
  const hint =
    mode === 'krm' && options.includes('--config')
      ? `\n  A Helm post-renderer? Pass the command first: --post-renderer-args post-render --post-renderer-args --config --post-renderer-args FILE (Helm 3), or use the Helm 4 plugin.`
      : '';
  return `${what} does not take ${options.join(', ')}${hint}\nusage:\n${MODES[mode].usage}`;
}
