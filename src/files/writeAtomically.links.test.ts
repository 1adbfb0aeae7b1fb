import { mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isLeftover, writeAtomically } from './writeAtomically';

test('refuses to write through a symbolic link on the way or in place of the target, before writing anything', async () => {
  const away = mkdtempSync(join(tmpdir(), 'mcr-away-'));
  writeFileSync(join(away, 'victim.yaml'), 'precious\n');
  const dir = mkdtempSync(join(tmpdir(), 'mcr-write-'));
  symlinkSync(away, join(dir, 'out'));
  mkdirSync(join(dir, 'real'));
  symlinkSync(join(away, 'victim.yaml'), join(dir, 'real', 'file.yaml'));
  await expect(writeAtomically(dir, new Map([['out/new.yaml', 'x\n']]))).rejects.toThrow(/through the symbolic link out/);
  await expect(writeAtomically(dir, new Map([['real/file.yaml', 'x\n']]))).rejects.toThrow(/through the symbolic link real\/file\.yaml/);
  await expect(writeAtomically(dir, new Map([['real/file.yaml', null]]))).rejects.toThrow(/symbolic link/);
  expect(readdirSync(away)).toEqual(['victim.yaml']);
  expect(readFileSync(join(away, 'victim.yaml'), 'utf8')).toBe('precious\n');
});

test('temporary names are unpredictable and recognised as leftovers; a user file never is', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'mcr-write-'));
  const seen: string[] = [];
  const watcher = watch(dir, (_event, name) => void (name && seen.push(String(name))));
  await writeAtomically(dir, new Map([['a.yaml', 'a\n']]));
  await writeAtomically(dir, new Map([['a.yaml', 'b\n']]));
  await new Promise((done) => setTimeout(done, 50));
  watcher.close();
  const temps = [...new Set(seen.filter((name) => name !== 'a.yaml'))];
  expect(temps.length).toBeGreaterThanOrEqual(2);
  for (const name of temps) expect(name).toMatch(/^a\.yaml\.multicluster-routes-[0-9a-f]{16}\.(tmp|old)$/);
  expect(temps.every(isLeftover)).toBe(true);
  expect(['a.yaml', 'a.yaml.tmp', 'notes.old', 'x.multicluster-routes.yaml'].some(isLeftover)).toBe(false);
});
