// The bundled example: the bookinfo mesh of examples/bookinfo (two clusters), rendered by the built function in
// files mode on a scratch copy, as `multicluster-routes files examples/bookinfo` would render it in place.
// Prints the file the function generates for each cluster.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const scratch = mkdtempSync(join(tmpdir(), 'multicluster-routes-example-'));
try {
  cpSync('examples/bookinfo', scratch, { recursive: true });
  execFileSync('dist/multicluster-routes.js', ['files', scratch], { stdio: ['ignore', 'ignore', 'inherit'] });
  for (const cluster of readdirSync(join(scratch, 'clusters')).sort()) {
    const path = `clusters/${cluster}/multicluster-routes.yaml`;
    process.stdout.write(`# ===== ${path} =====\n${readFileSync(join(scratch, path), 'utf8')}\n`);
  }
} catch (error) {
  process.exitCode = typeof error.status === 'number' ? error.status : 1;
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
