import { checkReport } from './checkReport';

const resource = (kind: string, name: string): string => `apiVersion: v1\nkind: ${kind}\nmetadata:\n  name: ${name}\n  namespace: default\n`;
const lines = (n: number, tag: string): string => Array.from({ length: n }, (_, i) => `line ${i} ${tag}\n`).join('');

test('a new file is a header and one line naming its resources, however long the file', () => {
  const text = [resource('ServiceEntry', 'reviews-global'), resource('VirtualService', 'reviews')].join('---\n');
  expect(checkReport(new Map([['clusters/c1/out.yaml', text]]), new Map())).toBe(
    '--- /dev/null\n+++ b/clusters/c1/out.yaml\nnew file, 2 resources: ServiceEntry default/reviews-global, VirtualService default/reviews\n',
  );
});

test('a deleted file names what it held; long name lists are cut', () => {
  const text = Array.from({ length: 4 }, (_, i) => resource('WorkloadEntry', `w${i}`)).join('---\n');
  expect(checkReport(new Map([['old.yaml', null]]), new Map([['old.yaml', text]]), { lines: 40, names: 2 })).toBe(
    '--- a/old.yaml\n+++ /dev/null\ndeleted, it held 4 resources: WorkloadEntry default/w0, WorkloadEntry default/w1, … and 2 more\n',
  );
});

test('a changed file is its unified diff, in full when short', () => {
  const report = checkReport(new Map([['a.yaml', 'x: 1\ny: 3\n']]), new Map([['a.yaml', 'x: 1\ny: 2\n']]));
  expect(report).toBe('--- a/a.yaml\n+++ b/a.yaml\n@@ -1,2 +1,2 @@\n x: 1\n-y: 2\n+y: 3\n');
});

test('a long diff is cut after the limit, with a note of how many lines are left out', () => {
  const report = checkReport(new Map([['a.yaml', lines(100, 'new')]]), new Map([['a.yaml', lines(100, 'old')]]), { lines: 10, names: 8 });
  const out = report.split('\n').filter(Boolean);
  expect(out.slice(0, 3)).toEqual(['--- a/a.yaml', '+++ b/a.yaml', '@@ -1,100 +1,100 @@']);
  expect(out).toHaveLength(2 + 10 + 1);
  expect(out[out.length - 1]).toBe("… 191 more lines of this file's diff");
});
