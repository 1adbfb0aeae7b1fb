/**
 * Files mode (plain CLI, pre-commit): read a package directory, write the generated files where output.path says
 * and the pod-label edits, atomically and only when there is no error. `--check` writes nothing and prints a
 * unified diff of every stale file.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { planFiles } from '../files/planFiles';
import type { FileChanges } from '../files/planFiles';
import { readFiles } from '../files/readFiles';
import type { SourceFile } from '../files/readFiles';
import { checkReport } from '../files/checkReport';
import { formatResults } from '../krm/formatResults';
import { hasErrors } from '../krm/result';
import { TOOL } from '../names';
import { transform } from '../transform';
import { loadConfig } from './loadConfig';

export interface FilesOptions {
  readonly dir: string;
  readonly config: string | undefined;
  readonly check: boolean;
}

export interface Report {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: 0 | 1;
}

const SKIP_DIRS = new Set(['node_modules', '.git']);

/** Every YAML file under the directory, by relative path (sorted), skipping hidden folders and node_modules. */
export function readTree(dir: string): SourceFile[] {
  const paths = (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[])
    .map((p) => p.split(sep).join('/'))
    .filter((p) => /\.ya?ml$/.test(p) && !p.split('/').some((part) => part.startsWith('.') || SKIP_DIRS.has(part)))
    .sort();
  return paths.map((path) => ({ path, text: readFileSync(join(dir, path), 'utf8') }));
}

/** Write every change through a temporary file and a rename; nothing is renamed until every temporary file is written. */
function writeAtomically(dir: string, changes: FileChanges): void {
  const root = resolve(dir);
  const staged: Array<{ temp: string; target: string }> = [];
  try {
    for (const [path, text] of changes) {
      const target = resolve(root, path);
      if (!target.startsWith(root + sep)) throw new Error(`refusing to write outside ${dir}: ${path}`);
      if (text === null) continue;
      mkdirSync(dirname(target), { recursive: true });
      const temp = `${target}.${TOOL}-${process.pid}.tmp`;
      writeFileSync(temp, text);
      staged.push({ temp, target });
    }
  } catch (error) {
    for (const { temp } of staged) rmSync(temp, { force: true });
    throw error;
  }
  for (const { temp, target } of staged) renameSync(temp, target);
  for (const [path, text] of changes) if (text === null) rmSync(resolve(root, path), { force: true });
}

export function runFiles(options: FilesOptions): Report {
  const files = readTree(options.dir);
  const read = readFiles(files);
  const { config, results: configResults } = loadConfig(options, read.items);
  const early = [...read.results, ...configResults];
  if (hasErrors(early) || !config) return { stdout: '', stderr: formatResults(early), exitCode: 1 };
  const { output, results } = transform({ items: read.items, functionConfig: config });
  const notes = formatResults(results);
  if (!output || hasErrors(results)) return { stdout: '', stderr: `${notes}${TOOL}: nothing was written\n`, exitCode: 1 };
  const changes = planFiles(files, output);
  const before = new Map(files.map((f) => [f.path, f.text]));
  if (options.check) {
    if (changes.size === 0) return { stdout: '', stderr: `${notes}${TOOL}: ${options.dir} is up to date\n`, exitCode: 0 };
    const diffs = checkReport(changes, before);
    const summary = `${TOOL}: ${changes.size} file(s) in ${options.dir} are not what the function generates; run \`${TOOL} files ${options.dir}\` and commit the result\n`;
    return { stdout: diffs, stderr: `${notes}${summary}`, exitCode: 1 };
  }
  writeAtomically(options.dir, changes);
  const lines = [...changes].map(([path, text]) => `${text === null ? 'deleted' : before.has(path) ? 'updated' : 'created'} ${join(options.dir, path)}\n`);
  return { stdout: lines.join(''), stderr: notes, exitCode: 0 };
}
