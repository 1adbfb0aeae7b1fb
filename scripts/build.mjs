// Build the executable:
//   dist/multicluster-routes.cjs        the whole CLI in one minified, self-contained file (runs alone with node)
//   dist/multicluster-routes.js         the `bin`: a small loader that runs that file from V8's code cache
//   dist/multicluster-routes.cjs.cache  the code cache, made here by one warm run on the bookinfo example; a
//                                       Node.js other than this one rejects it and the loader just compiles
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';

const bundle = 'dist/multicluster-routes.cjs';
const loader = 'dist/multicluster-routes.js';
const cache = `${bundle}.cache`;

await build({
  entryPoints: ['src/main.ts'],
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: true,
  legalComments: 'none',
  banner: { js: '#!/usr/bin/env node' },
  outfile: bundle,
  logLevel: 'warning',
});
chmodSync(bundle, 0o755);

writeFileSync(
  loader,
  `#!/usr/bin/env node
'use strict';
// Runs multicluster-routes.cjs from V8's code cache when this Node.js made it (npm run build): a faster start.
const { readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { Script } = require('node:vm');
const { wrap } = require('node:module');
const file = join(__dirname, 'multicluster-routes.cjs');
const cacheFile = file + '.cache';
const source = wrap(readFileSync(file, 'utf8').replace(/^#!.*/, ''));
let cachedData;
try {
  cachedData = readFileSync(cacheFile);
} catch {}
const script = new Script(source, { filename: file, cachedData });
if (process.env.MULTICLUSTER_ROUTES_WRITE_CODE_CACHE === '1') process.on('exit', () => writeFileSync(cacheFile, script.createCachedData()));
script.runInThisContext()(module.exports, require, module, file, __dirname);
`,
);
chmodSync(loader, 0o755);

rmSync(cache, { force: true });
const sample = 'testdata/bookinfo-current/input.yaml';
if (existsSync(sample)) {
  execFileSync(process.execPath, [loader], {
    input: readFileSync(sample),
    stdio: ['pipe', 'ignore', 'inherit'],
    env: { ...process.env, MULTICLUSTER_ROUTES_WRITE_CODE_CACHE: '1' },
  });
}
