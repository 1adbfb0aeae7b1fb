// Bundle the CLI into one minified file (fast start, no node_modules at run time).
import { chmodSync } from 'node:fs';
import { build } from 'esbuild';

const outfile = 'dist/multicluster-routes.js';
await build({
  entryPoints: ['src/main.ts'],
  bundle: true,
  platform: 'node',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  banner: { js: '#!/usr/bin/env node' },
  outfile,
  logLevel: 'warning',
});
chmodSync(outfile, 0o755);
