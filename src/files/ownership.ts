/**
 * Files mode, a last check before writing: a file the function is about to replace whole or delete must be one it
 * generated. The managed-by marker decides: every document in the file as it is on disk now must be a resource
 * labelled `app.kubernetes.io/managed-by: multicluster-routes` (empty documents aside, and at least one there is, unless
 * the file is empty). This holds even for files the reader skipped (hidden folders) and for content the user added
 * to a generated file.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { isMap, parseAllDocuments } from 'yaml';
import type { Result } from '../krm/result';
import { LABEL_MANAGED_BY, TOOL } from '../names';
import { linkOnTheWay } from './writeAtomically';

/** Why the file's content is not wholly the function's own, or undefined when it is. */
function foreignContent(text: string): string | undefined {
  const docs = parseAllDocuments(text, { schema: 'failsafe', uniqueKeys: false });
  if (!Array.isArray(docs)) return undefined;
  let managed = 0;
  for (const [index, doc] of docs.entries()) {
    if (doc.errors.length > 0) return `document ${index} is not valid YAML`;
    if (doc.contents === null) continue;
    if (!isMap(doc.contents)) return `document ${index} is not a resource`;
    const kind = doc.contents.get('kind');
    const name = doc.getIn(['metadata', 'name']);
    if (doc.getIn(['metadata', 'labels', LABEL_MANAGED_BY]) !== TOOL) {
      const what = typeof kind === 'string' ? `${kind} ${typeof name === 'string' ? name : '(no name)'}` : 'a resource';
      return `document ${index} (${what}) has no ${LABEL_MANAGED_BY}: ${TOOL} label`;
    }
    managed++;
  }
  return managed === 0 && text.trim() !== '' ? 'it holds no resource the function generated (only comments)' : undefined;
}

/** An error result for each of `paths` (relative to `dir`) that exists and holds anything the function did not generate. */
export function unownedTargets(dir: string, paths: Iterable<string>): Result[] {
  const results: Result[] = [];
  for (const path of paths) {
    const file = resolve(dir, path);
    if (!existsSync(file)) continue;
    const why = statSync(file).isFile() ? foreignContent(readFileSync(file, 'utf8')) : 'it is not a regular file';
    if (why === undefined) continue;
    results.push({
      severity: 'error',
      code: 'unowned-file',
      message: `${path} would be replaced or deleted, but ${why}; the function only rewrites files it generated: move that content to another file, or set spec.output.path to files that only the function writes`,
      file: { path },
    });
  }
  return results;
}

/**
 * An error result for each of `paths` (relative to `dir`) that the write would reach through a symbolic link: the
 * file itself or a folder on the way. A link committed in a pull request must not send the output out of the package.
 */
export function linkedTargets(dir: string, paths: Iterable<string>): Result[] {
  const results: Result[] = [];
  for (const path of paths) {
    const link = linkOnTheWay(resolve(dir), path);
    if (link === undefined) continue;
    results.push({
      severity: 'error',
      code: 'symlink-target',
      message:
        link === path
          ? `${path} is a symbolic link; the function writes and deletes only real files, never through a link: replace the link with a real file, or set spec.output.path elsewhere`
          : `${path} is reached through ${link}, a symbolic link; the function never writes through a link: make ${link} a real folder, or set spec.output.path elsewhere`,
      file: { path },
    });
  }
  return results;
}
