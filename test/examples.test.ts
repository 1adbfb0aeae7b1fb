/** The examples and fn-config/ stay consistent: the bookinfo package's own functionConfig is fn-config's. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');

test('examples/bookinfo/multicluster-routes.yaml is fn-config/bookinfo-current.yaml', () => {
  expect(readFileSync(join(ROOT, 'examples', 'bookinfo', 'multicluster-routes.yaml'), 'utf8')).toBe(
    readFileSync(join(ROOT, 'fn-config', 'bookinfo-current.yaml'), 'utf8'),
  );
});
