/**
 * KRM mode (kpt fn eval/render, kustomize exec transformer): ResourceList text in, ResourceList text out.
 *
 * The fast path splits the list into items by indentation and parses only the items the function reads; every
 * other item is written back as the exact text it came as. Input it cannot split that way (flow style, JSON,
 * anchors, a syntax error) goes the exact path: the whole text parsed with `yaml`, nodes written back.
 */
import { parseDocument } from 'yaml';
import { isMap, isSeq } from 'yaml';
import { emitYaml } from '../krm/emitYaml';
import { forbiddenCharacterAt, isTooDeep, TOO_DEEP, TOO_DEEP_FIX } from '../krm/limits';
import { Item } from '../krm/item';
import { locateRelabel } from '../krm/labelsLocator';
import type { LabelChanges } from '../krm/relabelText';
import { applyEdits, relabelEdit, relabelNode } from '../krm/relabelText';
import { parseResourceList, stringifyResourceList } from '../krm/resourceList';
import type { Result } from '../krm/result';
import { hasErrors, toKrmResult } from '../krm/result';
import { loadYaml, NotFastPath, SourceItem, ValueResource } from '../krm/sourceItem';
import { splitResourceList } from '../krm/split';
import { FAILSAFE, toNode } from '../krm/yamlNodes';
import type { Placed } from '../output/place';
import { withPlacement } from '../output/place';
import { RESOURCE_LIST_API_VERSION, RESOURCE_LIST_KIND } from '../names';
import { transform } from '../transform';

export interface ModeOutput {
  readonly stdout: string;
  readonly exitCode: 0 | 1;
  /** The error results, for stderr too: kustomize (and so Argo CD) drops a failing function's stdout. */
  readonly errors: readonly Result[];
}

const errorsOf = (results: readonly Result[]): Result[] => results.filter((r) => r.severity === 'error');

const withNewline = (text: string): string => (text.endsWith('\n') ? text : `${text}\n`);

/** The item's text with its pod labels changed, edited in place. */
function relabeled(item: SourceItem, changes: LabelChanges): string {
  const located = locateRelabel(item.source, changes);
  if (located) return applyEdits(item.source, located);
  const doc = parseDocument(item.source, FAILSAFE);
  const node = isSeq(doc.contents) ? doc.contents.items[0] : undefined;
  if (!isMap(node)) throw new NotFastPath('relabel');
  const edits = relabelEdit(item.source, new Item(node, doc), changes);
  if (!edits) throw new NotFastPath('relabel');
  return applyEdits(item.source, edits);
}

/** A generated resource as an item of the list, at the list's indentation. */
const generatedText = (p: Placed, indent: string): string => emitYaml(withPlacement(p), `${indent}- `, `${indent}  `);

function write(items: readonly string[], functionConfig: string | undefined, results: readonly Result[]): string {
  const head = `apiVersion: ${RESOURCE_LIST_API_VERSION}\nkind: ${RESOURCE_LIST_KIND}\n`;
  const list = items.length === 0 ? 'items: []\n' : `items:\n${items.map(withNewline).join('')}`;
  const tail = results.length === 0 ? '' : emitYaml({ results: results.map(toKrmResult) });
  return `${head}${list}${functionConfig === undefined ? '' : withNewline(functionConfig)}${tail}`;
}

function configResource(text: string): ValueResource | undefined {
  if (/(^|[\s[{,])&[^\s]/.test(text)) throw new NotFastPath('anchors in the functionConfig');
  const loaded = loadYaml(text);
  const value = loaded !== null && typeof loaded === 'object' && !Array.isArray(loaded) ? loaded['functionConfig'] : undefined;
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? new ValueResource(value) : undefined;
}

function runFast(input: string): ModeOutput | undefined {
  // Items pass through as text: a character YAML forbids would reach the output. The exact path reports it.
  if (forbiddenCharacterAt(input) >= 0) return undefined;
  const split = splitResourceList(input);
  if (!split) return undefined;
  try {
    const items = split.items.map((s) => new SourceItem(input.slice(s.start, s.end)));
    const configText = split.functionConfig ? input.slice(split.functionConfig.start, split.functionConfig.end) : undefined;
    const { output, results } = transform({ items, functionConfig: configText === undefined ? undefined : configResource(configText) });
    for (const item of items) item.checkSyntax();
    if (!output || hasErrors(results))
      return {
        stdout: write(
          items.map((i) => i.source),
          configText,
          results,
        ),
        exitCode: 1,
        errors: errorsOf(results),
      };
    const indent = ' '.repeat(split.indent);
    const kept = output.kept.map((item) => (output.relabel.has(item) ? relabeled(item, output.relabel.get(item) ?? []) : item.source));
    return { stdout: write([...kept, ...output.generated.map((p) => generatedText(p, indent))], configText, results), exitCode: 0, errors: [] };
  } catch (error) {
    if (error instanceof NotFastPath) return undefined;
    throw error;
  }
}

/** The exact path: the whole ResourceList parsed with `yaml`; items written back from their nodes. */
function runExact(input: string): ModeOutput {
  const list = parseResourceList(input);
  if (!list.ok) return { stdout: stringifyResourceList([], undefined, list.results), exitCode: 1, errors: errorsOf(list.results) };
  const { output, results } = transform(list.value);
  if (!output || hasErrors(results)) {
    return {
      stdout: stringifyResourceList(
        list.value.items.map((item) => item.node),
        list.value.functionConfig,
        results,
      ),
      exitCode: 1,
      errors: errorsOf(results),
    };
  }
  for (const [item, changes] of output.relabel) relabelNode(item, changes);
  const nodes = [...output.kept.map((item) => item.node), ...output.generated.map((p) => toNode(withPlacement(p)))];
  return { stdout: stringifyResourceList(nodes, list.value.functionConfig, results), exitCode: 0, errors: [] };
}

export function runKrm(input: string): ModeOutput {
  try {
    return runFast(input) ?? runExact(input);
  } catch (error) {
    if (!isTooDeep(error)) throw error;
    return krmInputError(`the input ResourceList ${TOO_DEEP}; ${TOO_DEEP_FIX}`);
  }
}

/** A ResourceList that only reports an error about the input itself. */
export function krmInputError(message: string): ModeOutput {
  const errors: Result[] = [{ severity: 'error', code: 'invalid-input', message }];
  return { stdout: stringifyResourceList([], undefined, errors), exitCode: 1, errors };
}
