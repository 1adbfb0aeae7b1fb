// The Helm 4 plugin as one self-contained file: helm-plugin/plugin.yaml and the bundle dist/multicluster-routes.cjs
// (which needs no node_modules), packed as dist/helm/multicluster-routes-<version>.tgz (Helm 4 wants <name>-<version>.tgz holding <name>/) for
// `helm plugin install FILE --verify=false`. `npm run build` runs it (postbuild).
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
const pluginVersion = /^version: (\S+)$/m.exec(readFileSync('helm-plugin/plugin.yaml', 'utf8'))?.[1];
if (pluginVersion !== version) throw new Error(`helm-plugin/plugin.yaml says version ${pluginVersion}, package.json ${version}: make them equal`);
const stage = 'dist/helm/stage/multicluster-routes';
rmSync('dist/helm', { recursive: true, force: true });
mkdirSync(stage, { recursive: true });
copyFileSync('helm-plugin/plugin.yaml', join(stage, 'plugin.yaml'));
copyFileSync('dist/multicluster-routes.cjs', join(stage, 'multicluster-routes.cjs'));
const tarball = `dist/helm/multicluster-routes-${version}.tgz`;
// Fixed owner, mode and time: the same sources give the same bytes.
const fixed = ['--owner=0', '--group=0', '--numeric-owner', '--mtime=@0', '--sort=name', '--mode=u+rwX,go+rX,go-w'];
const tar = execFileSync('tar', ['-cf', '-', ...fixed, 'multicluster-routes'], { cwd: 'dist/helm/stage', maxBuffer: 64 << 20 });
writeFileSync(tarball, gzipSync(tar, { level: 9 }));
rmSync('dist/helm/stage', { recursive: true, force: true });
