import type { Resource } from '../krm/resource';
import { clusterResolver } from './clusters';

const at = (path: string | undefined, annotations: Record<string, string> = {}): Resource =>
  ({ annotations, file: path === undefined ? undefined : { path, index: 0 } }) as unknown as Resource;

const gateway = { address: '192.0.2.1', port: 15443, listenPort: 15443 };

test('annotation, then the first matching paths glob, then targetCluster', () => {
  const resolve = clusterResolver(
    [
      { name: 'east', gateway, paths: ['east/**', 'shared/*.yaml'] },
      { name: 'west', gateway, paths: ['**/*.yaml'] },
    ],
    'west',
  );
  expect(resolve(at('east/a/b.yaml', { 'multicluster-routes.dev/cluster': 'west' }))).toEqual({ cluster: 'west' });
  expect(resolve(at('east/a/b.yaml'))).toEqual({ cluster: 'east' });
  expect(resolve(at('shared/x.yaml'))).toEqual({ cluster: 'east' });
  expect(resolve(at('shared/deeper/x.yaml'))).toEqual({ cluster: 'west' });
  expect(resolve(at('README.md'))).toEqual({ cluster: 'west' });
  expect(resolve(at(undefined))).toEqual({ cluster: 'west' });
  expect(resolve(at('x.yaml', { 'multicluster-routes.dev/cluster': 'north' }))).toEqual({ cluster: undefined, unknown: 'north' });
});
