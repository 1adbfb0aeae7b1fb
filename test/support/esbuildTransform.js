/**
 * Jest's transform: TypeScript (and the ES modules of @kubernetes-models) to CommonJS with esbuild, the compiler the
 * build uses. Types are checked by `npm run lint` (tsc), not here; this only strips them, much faster than ts-jest
 * on a fresh clone's cold cache.
 */
const { createHash } = require('node:crypto');
const { transformSync, version } = require('esbuild');

const OPTIONS = {
  format: 'cjs',
  target: 'node20',
  sourcemap: 'inline',
  tsconfigRaw: { compilerOptions: { target: 'ES2022', esModuleInterop: true, useDefineForClassFields: true } },
};

module.exports = {
  process(source, path) {
    const { code } = transformSync(source, { ...OPTIONS, loader: path.endsWith('.ts') ? 'ts' : 'js', sourcefile: path });
    return { code };
  },
  getCacheKey(source, path, options) {
    return createHash('sha256')
      .update(`${version}\0${JSON.stringify(OPTIONS)}\0${path}\0${options.configString}\0${source}`)
      .digest('hex');
  },
};
