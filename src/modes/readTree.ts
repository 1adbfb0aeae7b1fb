/**
 * The files of a package (files mode, `facts`, `explain`), read without ever leaving it. A pull request is hostile
 * input, so the walk follows no symbolic link: not out of the package (a link to `/` would crawl the machine), and not
 * within it either (two links to `.` would make the walk exponential). A file that a link points to inside the package
 * is read once, under its own path, when the walk reaches it there; a link to a YAML file or a folder outside the
 * package is reported and not read. Hidden folders and node_modules are not read. The walk also collects the temporary
 * files and backups that an interrupted write left behind (see writeAtomically), for the next write to remove.
 */
import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import type { Dirent } from 'node:fs';
import { join, sep } from 'node:path';
import { isSkippedFolder } from '../files/readFiles';
import type { SourceFile } from '../files/readFiles';
import { isLeftover } from '../files/writeAtomically';
import { decodeUtf8 } from '../krm/limits';
import type { Result } from '../krm/result';
import { compare } from '../util';

export interface Tree {
  /** Every YAML file, by relative path (forward slashes), sorted. */
  readonly files: SourceFile[];
  /** Temporary files and backups of an interrupted write, by relative path. */
  readonly leftovers: string[];
  /** A warning per symbolic link that points out of the package. */
  readonly results: Result[];
}

const YAML_FILE = /\.ya?ml$/;
const UTF8_BOM = [0xef, 0xbb, 0xbf];

/** The file's text, its byte-order mark kept (as U+FEFF) so that an edit writes it back; undefined when not UTF-8. */
function readText(file: string): string | undefined {
  const bytes = readFileSync(file);
  const text = decodeUtf8(bytes);
  return text !== undefined && UTF8_BOM.every((b, i) => bytes[i] === b) ? `\ufeff${text}` : text;
}

/** A warning for a link that points out of the package, when it could hold manifests; undefined for any other link. */
function linkOutside(root: string, rel: string): Result | undefined {
  let target: string;
  try {
    target = realpathSync(join(root, rel));
  } catch {
    return undefined; // a dangling link holds nothing
  }
  const inside = target === root || target.startsWith(root + sep);
  if (inside || !(YAML_FILE.test(rel) || statSync(target).isDirectory())) return undefined;
  return {
    severity: 'warning',
    code: 'symlink-not-followed',
    message: `${rel} is a symbolic link out of the package (to ${target}); it is not read: the function reads only the package's own files. Copy what it points to into the package if you meant it to be read`,
    file: { path: rel },
  };
}

function visit(root: string, rel: string, entry: Dirent, dirs: string[], tree: Tree): void {
  const path = rel === '' ? entry.name : `${rel}/${entry.name}`;
  if (entry.isSymbolicLink()) {
    const warning = linkOutside(root, path);
    if (warning) tree.results.push(warning);
  } else if (entry.isDirectory()) {
    if (!isSkippedFolder(entry.name)) dirs.push(path);
  } else if (entry.isFile()) {
    if (isLeftover(entry.name)) tree.leftovers.push(path);
    else if (YAML_FILE.test(entry.name)) {
      const text = readText(join(root, path));
      tree.files.push(text === undefined ? { path, text: '', notUtf8: true } : { path, text });
    }
  }
}

/** Every YAML file of the package under `dir`, and what an interrupted write left there. */
export function readTree(dir: string): Tree {
  const root = realpathSync(dir);
  const tree: Tree = { files: [], leftovers: [], results: [] };
  const dirs = [''];
  for (let rel = dirs.pop(); rel !== undefined; rel = dirs.pop()) {
    for (const entry of readdirSync(join(root, rel), { withFileTypes: true })) visit(root, rel, entry, dirs, tree);
  }
  tree.files.sort((a, b) => compare(a.path, b.path));
  tree.leftovers.sort(compare);
  tree.results.sort((a, b) => compare(a.file?.path ?? '', b.file?.path ?? ''));
  return tree;
}
