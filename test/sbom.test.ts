/**
 * The build writes an SBOM of the runtime dependencies (dist/sbom.cdx.json, scripts/sbom.mjs): exactly the packages
 * that `dependencies` in package.json pull in, at the versions the lockfile pins, and nothing that only the
 * development tools need.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const ROOT = join(__dirname, '..');
const read = (path: string): Obj => JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as Obj;
const pkg = read('package.json');
const lock = read('package-lock.json');
const packages = lock['packages'] as Record<string, Obj>;
const sbomPath = join(ROOT, 'dist', 'sbom.cdx.json');

const nameAt = (location: string): string => location.slice(location.lastIndexOf('node_modules/') + 'node_modules/'.length);

/** Where node would find `name` from the package at `from` (its own node_modules, then each folder above). */
function resolve(from: string, name: string): string {
  for (let base = from; ; base = base.includes('/node_modules/') ? base.slice(0, base.lastIndexOf('/node_modules/')) : '') {
    const location = `${base === '' ? '' : `${base}/`}node_modules/${name}`;
    if (packages[location]) return location;
    if (base === '') throw new Error(`the lockfile has no ${name} for ${from || 'the root'}`);
  }
}

/** name@version of every package the runtime dependencies pull in, from the lockfile. */
function runtimeClosure(): Set<string> {
  const seen = new Set<string>();
  const queue = Object.keys(pkg['dependencies'] as Obj).map((name) => resolve('', name));
  while (queue.length > 0) {
    const location = queue.pop() as string;
    if (seen.has(location)) continue;
    seen.add(location);
    const entry = packages[location] as Obj;
    for (const name of Object.keys({ ...(entry['dependencies'] as Obj | undefined), ...(entry['optionalDependencies'] as Obj | undefined) })) {
      queue.push(resolve(location, name));
    }
  }
  return new Set([...seen].map((location) => `${nameAt(location)}@${(packages[location] as Obj)['version'] as string}`));
}

const sbom = read('dist/sbom.cdx.json');
const components = (sbom['components'] as Obj[]).map((c) => `${c['group'] ? `${c['group'] as string}/` : ''}${c['name'] as string}@${c['version'] as string}`);

test('is a CycloneDX document about this package, made by the same build as the bundle', () => {
  expect(sbom).toMatchObject({ bomFormat: 'CycloneDX', metadata: { component: { name: pkg['name'], version: pkg['version'] } } });
  expect(statSync(sbomPath).mtimeMs).toBeGreaterThanOrEqual(statSync(join(ROOT, 'dist', 'multicluster-routes.cjs')).mtimeMs);
});

test('lists exactly the runtime dependencies and what they pull in, at the lockfile versions', () => {
  expect([...components].sort()).toEqual([...runtimeClosure()].sort());
});

test('every dependency of package.json is there at its locked version, and no devDependency', () => {
  for (const name of Object.keys(pkg['dependencies'] as Obj))
    expect(components).toContain(`${name}@${(packages[`node_modules/${name}`] as Obj)['version'] as string}`);
  const runtime = new Set(components.map((c) => c.slice(0, c.lastIndexOf('@'))));
  for (const name of Object.keys(pkg['devDependencies'] as Obj)) expect(runtime.has(name)).toBe(false);
});

test("the root's dependency edges are the dependencies of package.json", () => {
  const root = (sbom['dependencies'] as Obj[]).find((d) => d['ref'] === sbom['metadata']['component']['bom-ref']) as Obj;
  const direct = (root['dependsOn'] as string[]).map((ref) => ref.slice(0, ref.lastIndexOf('@'))).sort();
  expect(direct).toEqual(Object.keys(pkg['dependencies'] as Obj).sort());
});
