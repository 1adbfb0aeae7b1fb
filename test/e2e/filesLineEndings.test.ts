/** Files mode edits a pod label in a file with CRLF line breaks and a byte-order mark, and keeps both. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runFiles } from '../../src/modes/files';
import { scratch } from '../support/tools';

test('a CRLF file that starts with a byte-order mark keeps both when its pod labels are edited', async () => {
  const dir = scratch('examples/bookinfo');
  const path = join(dir, 'cluster1', 'bookinfo.yaml');
  const original = readFileSync(path, 'utf8');
  writeFileSync(path, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(original.replace(/\n/g, '\r\n'))]));
  const first = await runFiles({ dir, config: undefined, check: false });
  expect({ exitCode: first.exitCode, stderr: first.stderr }).toEqual({ exitCode: 0, stderr: '' });
  const bytes = readFileSync(path);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.subarray(3).toString('utf8');
  expect(text.match(/(?<!\r)\n/g)).toBeNull();
  expect(text.match(/service\.multicluster-routes\.dev\/reviews: "true"\r\n/g)).toHaveLength(1);
  expect(text.replace('        service.multicluster-routes.dev/reviews: "true"\r\n', '')).toBe(original.replace(/\n/g, '\r\n'));
  const second = await runFiles({ dir, config: undefined, check: false });
  expect({ exitCode: second.exitCode, stdout: second.stdout }).toEqual({ exitCode: 0, stdout: '' });
});
