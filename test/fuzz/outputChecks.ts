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
