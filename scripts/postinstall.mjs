// After `npm install`/`npm ci` in a clone: build the bundle that `bin` points at and the Helm 4 plugin package,
// unless they are already there (an installed package ships them). Not `prepare`: npm prints that script's banner
// into `npm pack`'s output, which tools read as the tarball's name.
import { existsSync, readFileSync } from 'node:fs';

if (!existsSync('dist/multicluster-routes.js') || !existsSync('dist/multicluster-routes.cjs')) await import('./build.mjs');
const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
if (!existsSync(`dist/helm/multicluster-routes-${version}.tgz`) && existsSync('helm-plugin/plugin.yaml')) await import('./helm-plugin.mjs');
