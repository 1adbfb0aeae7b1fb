// After `npm install`/`npm ci` in a clone (and in pre-commit's hook environment): build the bundle that `bin`
// points at, unless it is already there (an installed package ships it). Not `prepare`: npm prints that
// script's banner into `npm pack`'s output, which pre-commit reads as the tarball's name.
import { existsSync } from 'node:fs';

if (!existsSync('dist/multicluster-routes.js') || !existsSync('dist/multicluster-routes.cjs')) await import('./build.mjs');
