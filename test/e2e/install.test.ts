/**
 * The README's install, as a new user runs it: the package packed from this clone (`npm pack`), installed with
 * `npm install -g` into a fresh prefix, and the README's snippets run with only that prefix's bin on PATH beside the
 * real tools. No clone on the function's path: the installed copy must stand alone.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { helmBinary } from '../support/helm';
import { KUSTOMIZE, ROOT, run, scratch } from '../support/tools';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };

function installFromTarball(): { prefix: string; npmStderr: string } {
  const out = mkdtempSync(join(tmpdir(), 'mcr-pack-'));
  const pack = run('npm', ['pack', '--silent', '--pack-destination', out]);
  expect(pack.status).toBe(0);
  const tarball = join(out, pack.stdout.trim());
  expect(tarball).toBe(join(out, `${pkg.name}-${pkg.version}.tgz`));
  const prefix = mkdtempSync(join(tmpdir(), 'mcr-prefix-'));
  const install = run('npm', ['install', '-g', '--prefix', prefix, '--no-audit', '--no-fund', tarball], { cwd: out });
  expect(install.stderr).not.toContain('EBADENGINE');
  expect(install.status).toBe(0);
  return { prefix, npmStderr: install.stderr };
}

describe('npm pack && npm install -g ./multicluster-routes-<version>.tgz', () => {
  const { prefix } = installFromTarball();
  const tools = mkdtempSync(join(tmpdir(), 'mcr-tools-'));
  const env = { ...process.env, PATH: [join(prefix, 'bin'), dirname(KUSTOMIZE), dirname(process.execPath), '/usr/bin', '/bin'].join(delimiter) };
  const examples = scratch('examples', 'examples');

  test('multicluster-routes --version answers from the installed copy', () => {
    const version = run('multicluster-routes', ['--version'], { env, cwd: tools });
    expect(version.stdout).toBe(`${pkg.name} ${pkg.version}\n`);
  });

  test('the kustomize snippet: the overlay builds with the installed function', () => {
    const env2 = { ...env, PATH: `${tools}${delimiter}${env.PATH}` };
    run('ln', ['-s', KUSTOMIZE, join(tools, 'kustomize')]);
    const build = run('kustomize', ['build', '--enable-alpha-plugins', '--enable-exec', join(examples, 'kustomize', 'cluster1')], { env: env2, cwd: tools });
    expect(build.stderr).toBe('');
    expect(build.status).toBe(0);
    expect(build.stdout).toContain('kind: ServiceEntry');
  });

  test('the files and facts snippets run from the installed copy', () => {
    const check = run('multicluster-routes', ['files', join(examples, 'bookinfo'), '--check'], { env, cwd: tools });
    expect(check.stdout).toContain('+++ b/clusters/cluster1/multicluster-routes.yaml');
    const facts = run('multicluster-routes', ['facts', join(examples, 'bookinfo'), '--cluster', 'cluster1'], { env, cwd: tools });
    expect(facts.status).toBe(0);
    expect(facts.stdout).toContain('remoteWorkloads:');
  });

  test('the Helm 3 snippet runs the installed copy as the post-renderer', async () => {
    const helm = await helmBinary(3);
    const args = ['post-render', '--config', join(ROOT, 'testdata/helm/cluster1.yaml')].flatMap((a) => ['--post-renderer-args', a]);
    const result = run(helm, ['template', 'bookinfo', join(ROOT, 'testdata/helm/bookinfo'), '--post-renderer', 'multicluster-routes', ...args], {
      env,
      cwd: tools,
    });
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('kind: VirtualService');
  });
});

test("npm ci's postinstall in a clone also makes the Helm 4 plugin package the README installs", () => {
  const clone = mkdtempSync(join(tmpdir(), 'mcr-clone-'));
  for (const path of ['package.json', 'scripts', 'helm-plugin']) cpSync(join(ROOT, path), join(clone, path), { recursive: true });
  mkdirSync(join(clone, 'dist'));
  for (const file of ['multicluster-routes.js', 'multicluster-routes.cjs']) cpSync(join(ROOT, 'dist', file), join(clone, 'dist', file));
  const postinstall = run(process.execPath, ['scripts/postinstall.mjs'], { cwd: clone });
  expect({ status: postinstall.status, stderr: postinstall.stderr }).toEqual({ status: 0, stderr: '' });
  expect(existsSync(join(clone, 'dist', 'helm', `multicluster-routes-${pkg.version}.tgz`))).toBe(true);
});
