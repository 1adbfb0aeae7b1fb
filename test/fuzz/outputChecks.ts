/**
 * What every output of the function must be: one ResourceList document without a stack trace, from a run that
 * ended in time without throwing or touching a built-in prototype; exit code 1 with an error result, or exit code 0
 * with generated Istio resources that pass the CRD schemas and the subset cross-check. Each check throws.
 */
import { CORE_SCHEMA, loadAll } from 'js-yaml';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LoadOptions } from 'js-yaml';
import { parseAllDocuments } from 'yaml';
import type { Bounded } from '../support/boundedKrm';
import { STACK_TRACE } from '../support/boundedKrm';
import { istioProblems, missingSubsets } from '../support/istioChecks';

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const isGenerated = (r: unknown): r is Obj =>
  isObj(r) && isObj(r['metadata']) && isObj(r['metadata']['labels']) && r['metadata']['labels']['app.kubernetes.io/managed-by'] === 'multicluster-routes';

/** The output is not YAML. */
export class UnreadableOutput extends Error {}

/** The function threw instead of returning results. */
export class Threw extends Error {}

/** Exit code 0, but the generated resources fail the checks. */
export class InvalidOutput extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`exit code 0, but the output is not valid Istio configuration:\n${problems.join('\n')}`);
  }
}

export interface Ran {
  readonly stdout: string;
  readonly exitCode: number;
  readonly list: Obj;
}

/**
 * The documents of a YAML text. js-yaml (the core schema) reads ten times faster than yaml; where it refuses a
 * text that is still YAML (a tag it cannot resolve, such as `!!int foo`), yaml decides, as kpt's reader would.
 */
function readYaml(text: string): unknown[] {
  try {
    return loadAll(text, undefined, { schema: CORE_SCHEMA, json: true, maxDepth: 5_000 } as LoadOptions);
  } catch (error) {
    const docs = parseAllDocuments(text, { uniqueKeys: false, logLevel: 'error' });
    try {
      if (!Array.isArray(docs) || docs.some((d) => d.errors.length > 0)) throw error;
      return docs.map((d) => d.toJS({ maxAliasCount: -1 }) as unknown);
    } catch (refused) {
      throw new UnreadableOutput(`the output is not YAML: ${(refused as Error).message.split('\n')[0] ?? ''}`);
    }
  }
}

/** The run ended (no hang, no throw), left the prototypes alone, and printed one ResourceList without a stack trace. */
export function ended(outcome: Bounded, input: string): Ran {
  if (outcome.kind === 'timeout') {
    const saved = join(mkdtempSync(join(tmpdir(), 'mcr-hang-')), 'input.yaml');
    writeFileSync(saved, input);
    throw new Error(`no output within ${outcome.ms} ms (a hang); the input is in ${saved}`);
  }
  if (outcome.kind === 'crashed') throw new Error(`the function crashed the worker: ${outcome.message}`);
  if (outcome.polluted.length > 0) throw new Error(`a built-in prototype changed: ${outcome.polluted.join(', ')}`);
  if (outcome.kind === 'threw') throw new Threw(`runKrm threw: ${outcome.message}`);
  const { stdout, exitCode } = outcome;
  if (exitCode !== 0 && exitCode !== 1) throw new Error(`exit code ${exitCode}`);
  const trace = STACK_TRACE.exec(stdout);
  if (trace && !input.includes(trace[0].trim())) throw new Error(`a stack trace in the output: ${trace[0]}`);
  const docs = readYaml(stdout);
  const list = docs[0];
  if (docs.length !== 1 || !isObj(list) || list['kind'] !== 'ResourceList') throw new UnreadableOutput('the output is not one ResourceList document');
  return { stdout, exitCode, list };
}

export const resultsOf = (list: Obj): Obj[] => (Array.isArray(list['results']) ? list['results'].filter(isObj) : []);
export const errorsOf = (list: Obj): Obj[] => resultsOf(list).filter((r) => r['severity'] === 'error');
const itemsOf = (list: Obj): unknown[] => (Array.isArray(list['items']) ? list['items'] : []);

/** Problems of the generated Istio resources: CRD schemas and CEL rules, and VirtualService subsets that no DestinationRule defines. */
export function istioOutputProblems(list: Obj): string[] {
  const generated = itemsOf(list).filter(isGenerated);
  const schema = generated
    .filter((r) => r['kind'] !== 'Service')
    .flatMap((r) => istioProblems(r).map((p) => `${String(r['kind'])} ${String((r['metadata'] as Obj)['name'])}: ${p}`));
  return [...schema, ...missingSubsets(generated)];
}

/** Exit code 1 with error results that have messages, or exit code 0 with no error result and valid Istio resources. */
export function consistent(run: Ran): void {
  const errors = errorsOf(run.list);
  if (run.exitCode === 1) {
    if (errors.length === 0) throw new Error('exit code 1 without an error result');
    const bare = errors.find((e) => typeof e['message'] !== 'string' || e['message'].length < 10);
    if (bare) throw new Error(`an error result without a message: ${JSON.stringify(bare)}`);
    return;
  }
  if (errors.length > 0) throw new Error(`exit code 0 with error results: ${errors.map((e) => String(e['message'])).join('; ')}`);
  const problems = istioOutputProblems(run.list);
  if (problems.length > 0) throw new InvalidOutput(problems);
}

/** Characters YAML 1.2 allows in a stream (c-printable); a parser may accept others, but kpt's and kustomize's reject them. */
// eslint-disable-next-line no-control-regex
const NOT_PRINTABLE = /[^\x09\x0A\x0D\x20-\x7E\x85\xA0-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

/** The text is YAML: only printable characters, documents without a syntax error, aliases that resolve. */
export function isYaml(text: string): boolean {
  if (NOT_PRINTABLE.test(text)) return false;
  const docs = parseAllDocuments(text, { uniqueKeys: false, logLevel: 'error' });
  if (!Array.isArray(docs) || docs.some((d) => d.errors.length > 0)) return false;
  try {
    docs.forEach((d) => d.toJS());
    return true;
  } catch {
    return false;
  }
}

/**
 * Misbehaviours already reported to their owners (listed in the README's "Reliability" section), tolerated by the
 * mutation properties so that they keep testing everything else, and counted. FUZZ_STRICT=1 tolerates none.
 */
export const KNOWN_GAPS = {
  /**
   * The fast KRM reader passes the items it does not read through as bytes, without noticing that they are not
   * YAML (a syntax error, or a character YAML forbids such as NUL), so the output is not YAML either.
   */
  'broken-passthrough': 'an input that is not YAML gives an output that is not YAML (exit code 0 or 1)',
  /** The exact (yaml) path parses an alias whose anchor is missing, and only the writer notices, by throwing. */
  'undefined-alias':
    'an alias to a missing anchor in the functionConfig throws "Unresolved alias" while the output is written (the CLI: internal error, exit code 70)',
  /** The exact path's typed view turns a mapping used as a key into a string with String(), which a null-prototype object refuses. */
  'mapping-key':
    'a mapping used as a key (`? {a: 1} : b`) in a resource read on the exact path throws "Cannot convert object to primitive value" (the CLI: internal error, exit code 70)',
  /** The exact path parses `!!binary` and `!!timestamp` into a Buffer or a Date, which its failsafe writer cannot write. */
  'yaml11-tags': 'a `!!binary` or `!!timestamp` value on the exact path throws "Tag not resolved for Buffer value" (the CLI: internal error, exit code 70)',
} as const;

export type KnownGap = keyof typeof KNOWN_GAPS;

/** Problems of the Istio output that a known gap explains (none at the moment: every such gap is fixed). */
const PROBLEM_GAPS: ReadonlyArray<readonly [RegExp, KnownGap]> = [];

/** The known gaps that explain this failure wholly; none when something else is wrong too. */
export function knownGaps(error: unknown, input: string): KnownGap[] {
  if (process.env['FUZZ_STRICT'] === '1') return [];
  if (error instanceof UnreadableOutput) return isYaml(input) ? [] : ['broken-passthrough'];
  if (error instanceof Threw && /Unresolved alias \(the anchor must be set before the alias\)/.test(error.message)) return ['undefined-alias'];
  if (error instanceof Threw && /TypeError: Cannot convert object to primitive value/.test(error.message)) return ['mapping-key'];
  if (error instanceof Threw && /Tag not resolved for (Buffer|Date) value/.test(error.message)) return ['yaml11-tags'];
  if (!(error instanceof InvalidOutput)) return [];
  const gaps = error.problems.map((p) => PROBLEM_GAPS.find(([re]) => re.test(p))?.[1]);
  return gaps.every((g) => g !== undefined) ? [...new Set(gaps as KnownGap[])] : [];
}
