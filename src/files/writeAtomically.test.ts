import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeAtomically } from './writeAtomically';

/** A directory with these files (path → content). */
function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'mcr-write-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** Every file under the directory with its content; directories end in "/". */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name).slice(dir.length + 1);
    out[entry.isDirectory() ? `${path}/` : path] = entry.isDirectory() ? '' : readFileSync(join(dir, path), 'utf8');
  }
  return out;
}

const BEFORE = { 'a.yaml': 'old a\n', 'gone.yaml': 'old gone\n', 'user.yaml': 'mine\n' };

test('writes, replaces and deletes, and leaves no temporary or backup file', async () => {
  const dir = tree(BEFORE);
  const outcome = await writeAtomically(
    dir,
    new Map([
      ['a.yaml', 'new a\n'],
      ['gone.yaml', null],
      ['new/deep/b.yaml', 'new b\n'],
    ]),
  );
  expect(outcome).toEqual({ written: true, signal: undefined });
  expect(snapshot(dir)).toEqual({ 'a.yaml': 'new a\n', 'user.yaml': 'mine\n', 'new/': '', 'new/deep/': '', 'new/deep/b.yaml': 'new b\n' });
});

test('an error while the temporary files are written leaves every file as it was', async () => {
  const dir = tree({ ...BEFORE, clusters: 'a regular file where a folder is needed\n' });
  const before = snapshot(dir);
  const changes = new Map([
    ['a.yaml', 'new a\n'],
    ['made/here/c.yaml', 'new c\n'],
    ['clusters/c2/x.yaml', 'cannot be written\n'],
  ]);
  await expect(writeAtomically(dir, changes)).rejects.toThrow(/ENOTDIR|EEXIST/);
  expect(snapshot(dir)).toEqual(before);
});

test('an error while renaming puts back the files already renamed', async () => {
  const dir = tree({ ...BEFORE, 'dir.yaml/keep': 'a folder named like a file\n' });
  const before = snapshot(dir);
  const changes = new Map<string, string | null>([
    ['a.yaml', 'new a\n'],
    ['b.yaml', 'new b\n'],
    ['gone.yaml', null],
    ['dir.yaml', 'cannot replace a folder\n'],
  ]);
  await expect(writeAtomically(dir, changes)).rejects.toThrow(/EISDIR|ENOTEMPTY|EEXIST/);
  expect(snapshot(dir)).toEqual(before);
});

test('a signal before the renames: nothing changes, and the handlers are gone afterwards', async () => {
  const dir = tree(BEFORE);
  const before = snapshot(dir);
  const listeners = process.listenerCount('SIGTERM');
  const writing = writeAtomically(
    dir,
    new Map([
      ['a.yaml', 'new a\n'],
      ['b.yaml', 'new b\n'],
      ['sub/c.yaml', 'new c\n'],
    ]),
  );
  expect(process.listenerCount('SIGTERM')).toBe(listeners + 1);
  process.emit('SIGTERM', 'SIGTERM');
  expect(await writing).toEqual({ written: false, signal: 'SIGTERM' });
  expect(snapshot(dir)).toEqual(before);
  expect(process.listenerCount('SIGTERM')).toBe(listeners);
});

test('refuses a path outside the directory, before writing anything', async () => {
  const dir = tree(BEFORE);
  const before = snapshot(dir);
  await expect(
    writeAtomically(
      dir,
      new Map([
        ['a.yaml', 'new a\n'],
        ['../escape.yaml', 'x\n'],
      ]),
    ),
  ).rejects.toThrow(/outside/);
  expect(snapshot(dir)).toEqual(before);
});
