/**
 * Helm post-renderer mode: a plain multi-document stream in (Helm's rendered manifests), the same stream out with
 * the generated resources appended; the functionConfig comes from a file. A document passes through as its source
 * text (a pod-label change is an edit of that text), so every value reaches the cluster as the chart wrote it. Errors go to stderr with exit code 1 —
 * or, for Helm 4, which discards a post-renderer's stderr, as a document Helm itself rejects with our message.
 */
import { isMap } from 'yaml';
import type { Document, YAMLMap } from 'yaml';
import { formatResults } from '../krm/formatResults';
import { Item } from '../krm/item';
import type { LabelChanges } from '../krm/relabelText';
import { applyEdits, relabelEdit, relabelNode } from '../krm/relabelText';
import { parseYamlDocuments, stringifyNode, YAML_STYLE } from '../krm/resourceList';
import { hasErrors } from '../krm/result';
import { toNode } from '../krm/yamlNodes';
import { TOOL } from '../names';
import { transform } from '../transform';
import type { Report } from './files';

export interface PostRenderOptions {
  /** Report errors as a document that makes Helm 4 fail with the message (it hides a post-renderer's stderr). */
  readonly errorsAsDocument: boolean;
}

function documentsOf(text: string, what: string): { docs: Document[]; stderr?: string } {
  const parsed = parseYamlDocuments(text, what);
  return parsed.ok ? { docs: parsed.value.filter((doc) => isMap(doc.contents)) } : { docs: [], stderr: formatResults(parsed.results) };
}

/**
 * A ConfigMap whose name is a list: Helm's own parse step rejects it and quotes the annotation that names the
 * "file" it came from, which carries our message.
 */
function errorDocument(message: string): string {
  const doc = {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: [`${TOOL}-error`], annotations: { 'postrenderer.helm.sh/postrender-filename': `${TOOL} failed:\n${message}` } },
  };
  return `---\n${stringifyNode(toNode(doc))}`;
}

function failure(stderr: string, options: PostRenderOptions): Report {
  const message = `${stderr}${TOOL}: post-rendering failed\n`;
  return options.errorsAsDocument ? { stdout: errorDocument(message.trimEnd()), stderr: message, exitCode: 0 } : { stdout: '', stderr: message, exitCode: 1 };
}

/** Each document's own text: from the end of the one before, without its `---` line; the pod label edited in. */
function sourceText(text: string, previousEnd: ReadonlyMap<Document, number>, item: Item, relabel: ReadonlyMap<Item, LabelChanges>): string {
  const start = previousEnd.get(item.doc) ?? 0;
  const end = item.doc.range?.[2] ?? text.length;
  const changes = relabel.get(item);
  const edits = changes ? relabelEdit(text, item, changes) : [];
  if (!edits) {
    relabelNode(item, changes ?? []);
    return item.doc.toString(YAML_STYLE);
  }
  const own = edits.map((edit) => ({ ...edit, start: edit.start - start, end: edit.end - start }));
  const source = applyEdits(text.slice(start, end), own).replace(/^(?:[ \t]*(?:---)?[ \t]*(?:\r?\n|$))+/, '');
  return source.endsWith('\n') ? source : `${source}\n`;
}

export function runPostRender(manifests: string, configText: string, configPath: string, options: PostRenderOptions): Report {
  const config = documentsOf(configText, configPath);
  const input = documentsOf(manifests, 'the rendered manifests');
  const failed =
    config.stderr ??
    input.stderr ??
    (input.docs.length === 0 ? `error: no manifests on stdin; ${TOOL} post-render reads the rendered manifests (a YAML stream) from stdin\n` : undefined);
  if (failed !== undefined) return failure(failed, options);
  const items = input.docs.map((doc) => new Item(doc.contents as YAMLMap, doc));
  const configDoc = config.docs[0];
  const functionConfig = configDoc ? new Item(configDoc.contents as never, configDoc, { path: configPath }) : undefined;
  const { output, results } = transform({ items, functionConfig });
  if (!output || hasErrors(results)) return failure(formatResults(results), options);
  // Where each document's text starts: the end of the one before (one pass, not a search per document).
  const previousEnd = new Map(input.docs.map((doc, i) => [doc, i > 0 ? (input.docs[i - 1]?.range?.[2] ?? 0) : 0]));
  const kept = output.kept.map((item) => sourceText(manifests, previousEnd, item, output.relabel));
  const generated = output.generated.map((p) => stringifyNode(toNode(p.body)));
  return { stdout: [...kept, ...generated].join('---\n'), stderr: formatResults(results), exitCode: 0 };
}
