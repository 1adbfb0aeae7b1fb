// The bundled example: the bookinfo mesh of examples/bookinfo through the built function, as `kpt fn eval`
// would run it. Prints the files the function generates for each cluster.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseAllDocuments, parse, stringify } from 'yaml';

const root = 'examples/bookinfo';
const config = process.argv[2] ?? 'fn-config/bookinfo-current.yaml';
const files = readdirSync(root, { recursive: true })
  .filter((f) => /\.ya?ml$/.test(f))
  .sort();
const items = files.flatMap((file) =>
  parseAllDocuments(readFileSync(join(root, file), 'utf8')).map((doc, index) => {
    const item = doc.toJS();
    item.metadata.annotations = {
      ...item.metadata.annotations,
      'internal.config.kubernetes.io/path': relative(root, join(root, file)),
      'internal.config.kubernetes.io/index': String(index),
    };
    return item;
  }),
);
const input = stringify({ apiVersion: 'config.kubernetes.io/v1', kind: 'ResourceList', items, functionConfig: parse(readFileSync(config, 'utf8')) });
let output;
try {
  output = execFileSync('dist/multicluster-routes.js', { input, encoding: 'utf8' });
} catch (error) {
  process.stdout.write(error.stdout ?? '');
  process.exit(1);
}
const byFile = new Map();
for (const item of parse(output).items) {
  const annotations = item.metadata.annotations ?? {};
  if (item.metadata.labels?.['app.kubernetes.io/managed-by'] !== 'multicluster-routes') continue;
  const path = annotations['internal.config.kubernetes.io/path'];
  delete annotations['internal.config.kubernetes.io/path'];
  delete annotations['internal.config.kubernetes.io/index'];
  byFile.set(path, [...(byFile.get(path) ?? []), item]);
}
for (const [path, resources] of byFile) {
  process.stdout.write(`# ===== ${path} =====\n${resources.map((r) => stringify(r, { indentSeq: false })).join('---\n')}\n`);
}
