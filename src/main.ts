/** The only file that touches argv, stdin/stdout and exit codes: it picks the mode and prints its report. */
import { readFileSync, readSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { HELP } from './help';
import { EXPLAIN_FORMATS, runExplain } from './modes/explain';
import type { ExplainFormat } from './modes/explain';
import { runFacts } from './modes/facts';
import { runFiles } from './modes/files';
import type { Report } from './modes/files';
import { krmInputError, runKrm } from './modes/krm';
import { decodeUtf8 } from './krm/limits';
import { runPostRender } from './modes/postRender';
import { formatResults } from './krm/formatResults';
import { TOOL, VERSION } from './names';
import { MODES, optionsError, unknownOptions } from './usage';
import type { Mode } from './usage';
import { printable, printableLines } from './printable';

const USAGE_ERROR = 2;

/** stdin as text; undefined when its bytes are not UTF-8. */
async function readStdin(): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  // Read with blocking reads, as fast as the pipe delivers; a stdin its parent made non-blocking says EAGAIN, and the
  // rest is then read as a stream.
  if (readBlocking(chunks) === 'would-block') await readStream(chunks);
  return decodeUtf8(Buffer.concat(chunks));
}

function readBlocking(chunks: Buffer[]): 'done' | 'would-block' {
  let buffer = Buffer.allocUnsafe(1 << 20);
  let filled = 0;
  for (;;) {
    let read: number;
    try {
      read = readSync(0, buffer, filled, buffer.length - filled, null);
    } catch (error) {
      const code = error instanceof Error && 'code' in error ? error.code : undefined;
      if (code !== 'EAGAIN' && code !== 'EOF') throw error;
      chunks.push(buffer.subarray(0, filled));
      return code === 'EAGAIN' ? 'would-block' : 'done';
    }
    filled += read;
    if (read === 0 || filled === buffer.length) {
      chunks.push(buffer.subarray(0, filled));
      if (read === 0) return 'done';
      buffer = Buffer.allocUnsafe(buffer.length);
      filled = 0;
    }
  }
}

function readStream(chunks: Buffer[]): Promise<void> {
  return new Promise((resolve, reject) => {
    process.stdin.on('data', (chunk: Buffer) => chunks.push(chunk));
    process.stdin.on('end', resolve);
    process.stdin.on('error', reject);
  });
}

const NOT_UTF8 = 'the input is not UTF-8 text; YAML manifests must be UTF-8 encoded';

const OPTIONS = {
  config: { type: 'string' },
  check: { type: 'boolean', default: false },
  cluster: { type: 'string' },
  update: { type: 'string' },
  format: { type: 'string' },
  'errors-as-document': { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  version: { type: 'boolean', default: false },
} as const;

async function run(argv: string[]): Promise<Report> {
  const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  const [command, ...rest] = positionals;
  if (values.help) return { stdout: HELP, stderr: '', exitCode: 0 };
  if (values.version) return { stdout: `${TOOL} ${VERSION}\n`, stderr: '', exitCode: 0 };
  const mode = modeOf(command);
  const refused = unknownOptions(mode, values);
  if (refused.length > 0) throw new UsageError(optionsError(mode, refused));
  const dir = (): string => {
    if (rest.length > 1) throw new UsageError(`${command ?? ''} takes one directory (the package), got ${rest.length}\nusage:\n${MODES[mode].usage}`);
    return rest[0] ?? '.';
  };
  switch (mode) {
    case 'krm': {
      const input = await readStdin();
      const output = input === undefined ? krmInputError(NOT_UTF8) : runKrm(input);
      return { ...output, stderr: output.exitCode === 0 ? '' : formatResults(output.errors) };
    }
    case 'files':
      return runFiles({ dir: dir(), config: values.config, check: values.check });
    case 'facts':
      return runFacts({ dir: dir(), config: values.config, cluster: values.cluster, update: values.update, check: values.check });
    case 'explain':
      return runExplain({ dir: dir(), config: values.config, cluster: values.cluster, format: explainFormat(values.format) });
    case 'post-render': {
      if (values.config === undefined) throw new UsageError(`post-render needs --config FILE (the functionConfig)\nusage:\n${MODES[mode].usage}`);
      const manifests = await readStdin();
      if (manifests === undefined) return { stdout: '', stderr: `error: ${NOT_UTF8}\n`, exitCode: 1 };
      return runPostRender(manifests, readFileSync(values.config, 'utf8'), values.config, { errorsAsDocument: values['errors-as-document'] });
    }
  }
}

const COMMANDS: readonly string[] = ['files', 'facts', 'explain', 'post-render'];

function modeOf(command: string | undefined): Mode {
  if (command === undefined) return 'krm';
  if (COMMANDS.includes(command)) return command as Mode;
  throw new UsageError(`unknown command ${JSON.stringify(command)}; the commands are ${COMMANDS.join(', ')} (none: the KRM function)`);
}

class UsageError extends Error {}

function explainFormat(format: string | undefined): ExplainFormat {
  if (format === undefined) return 'markdown';
  if ((EXPLAIN_FORMATS as readonly string[]).includes(format)) return format as ExplainFormat;
  throw new UsageError(`explain --format ${JSON.stringify(format)}: use one of ${EXPLAIN_FORMATS.join(', ')}`);
}

run(process.argv.slice(2)).then(
  (report) => {
    process.stdout.write(report.stdout);
    process.stderr.write(report.stderr);
    process.exitCode = report.exitCode;
  },
  (error: unknown) => {
    const usage = error instanceof UsageError || (error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'));
    const io = error instanceof Error && 'code' in error && typeof error.code === 'string' && /^E[A-Z]+$/.test(error.code);
    const raw = error instanceof Error ? error.message : String(error);
    // A usage error carries the mode's usage (our own lines); anything else is one line.
    const message = usage ? printableLines(raw) : printable(raw);
    if (usage) process.stderr.write(`${TOOL}: ${message}${message.includes('\nusage:\n') ? '\n' : `; see ${TOOL} --help\n`}`);
    else if (io) process.stderr.write(`${TOOL}: ${message}\n`);
    else process.stderr.write(`${TOOL}: internal error (a bug; please report it): ${message}\n`);
    process.exitCode = usage ? USAGE_ERROR : io ? 1 : 70;
  },
);
