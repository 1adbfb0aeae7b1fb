/** Files mode, reading: YAML file texts → resources with their origin, or results naming the file and line. */
import { isMap } from 'yaml';
import { Item } from '../krm/item';
import { parseYamlDocuments } from '../krm/resourceList';
import type { Result } from '../krm/result';

export interface SourceFile {
  /** Relative to the package directory, with forward slashes. */
  readonly path: string;
  readonly text: string;
  /** The file's bytes are not UTF-8 (its text is then empty). */
  readonly notUtf8?: boolean;
}

/** A folder that files mode does not read (hidden ones, `.git` among them, and node_modules). */
export const isSkippedFolder = (name: string): boolean => name.startsWith('.') || name === 'node_modules';

/** Every document of the files that is a Kubernetes resource (a mapping with apiVersion and kind). */
export function readFiles(files: readonly SourceFile[]): { items: Item[]; results: Result[] } {
  const items: Item[] = [];
  const results: Result[] = [];
  for (const file of files) {
    if (file.notUtf8) {
      results.push({ severity: 'error', code: 'invalid-input', message: `${file.path} is not UTF-8 text; save it as UTF-8`, file: { path: file.path } });
      continue;
    }
    const parsed = parseYamlDocuments(file.text, file.path);
    if (!parsed.ok) {
      results.push(...parsed.results.map((r) => ({ ...r, file: { path: file.path } })));
      continue;
    }
    parsed.value.forEach((doc, index) => {
      if (!isMap(doc.contents)) return;
      const item = new Item(doc.contents, doc, { path: file.path, index });
      if (item.apiVersion !== '' && item.kind !== '') items.push(item);
    });
  }
  return { items, results };
}
