// npm run bench: the function against its floors, measured side by side in one run, interleaved, medians.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { meshResourceList } from './mesh.mjs';

const BIN = 'dist/multicluster-routes.js';
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const dir = mkdtempSync(join(tmpdir(), 'mcr-bench-'));

function measure(args, inputFile) {
  // files mode writes its package: each run gets a fresh copy of it (the copy is not timed)
  if (args[1] === 'files') {
    rmSync(args[2], { recursive: true, force: true });
    cpSync(`${args[2]}.pristine`, args[2], { recursive: true });
  }
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['-r', './bench/rss.cjs', ...args], {
    input: readFileSync(inputFile),
    stdio: ['pipe', 'pipe', 'pipe', 'pipe'],
    maxBuffer: 1 << 30,
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed: ${result.stderr}`);
  return { ms, rssKiB: Number(result.output[3]?.toString() || 0) };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Run each command RUNS times, interleaved (a, b, a, b, …), and return their medians. */
function compare(commands, inputFile) {
  const samples = commands.map(() => ({ ms: [], rss: [] }));
  for (let r = 0; r < RUNS; r++) {
    commands.forEach((args, i) => {
      const m = measure(args, inputFile);
      samples[i].ms.push(m.ms);
      samples[i].rss.push(m.rssKiB);
    });
  }
  return samples.map((s) => ({ ms: median(s.ms), rssMiB: median(s.rss) / 1024 }));
}

function input(name, text) {
  const path = join(dir, `${name}.yaml`);
  writeFileSync(path, text);
  return { path, items: (text.match(/^- /gm) ?? []).length, mib: Buffer.byteLength(text) / 2 ** 20 };
}

const bookinfo = input('bookinfo', readFileSync('testdata/bookinfo-current/input.yaml', 'utf8'));
const sizes = [
  ['100', { services: 10, clusters: 2, configMaps: 50 }],
  ['1,000', { services: 100, clusters: 3, configMaps: 450 }],
  ['~11,000', { services: 1000, clusters: 5, configMaps: 5000 }],
  ['~110,000', { services: 10000, clusters: 5, configMaps: 50000 }],
].map(([label, shape]) => ({ label, ...input(`mesh-${shape.services}`, meshResourceList(shape)) }));

/** One file of `n` exported Services and their Deployments, as a files-mode package and as a ResourceList. */
function onePackage(n) {
  const config =
    'apiVersion: multicluster-routes.dev/v1alpha1\nkind: MulticlusterRoutes\nmetadata: {name: m}\nspec:\n  clusters:\n  - {name: c1, gateway: {address: 192.0.2.1}, paths: ["c1/**"]}\n  - {name: c2, gateway: {address: 192.0.2.2}, paths: ["c2/**"]}\n';
  const docs = [];
  for (let i = 0; i < n; i++) {
    docs.push(
      `apiVersion: v1\nkind: Service\nmetadata:\n  name: s${i}\n  annotations: {multicluster-routes.dev/export: "true"}\nspec:\n  ports: [{name: http, port: 80}]\n  selector: {app: s${i}}\n`,
    );
    docs.push(
      `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: s${i}\nspec:\n  template:\n    metadata:\n      labels:\n        app: s${i}\n        version: v1\n`,
    );
  }
  const pkg = join(dir, `package-${n}`);
  mkdirSync(join(`${pkg}.pristine`, 'c1'), { recursive: true });
  writeFileSync(join(`${pkg}.pristine`, 'multicluster-routes.yaml'), config);
  writeFileSync(join(`${pkg}.pristine`, 'c1', 'all.yaml'), docs.join('---\n'));
  const indent = (doc) => doc.replace(/\n(?=.)/g, '\n  ');
  const annotated = (doc, path) =>
    doc.includes('annotations: {')
      ? doc.replace('annotations: {', `annotations: {internal.config.kubernetes.io/path: ${path}, `)
      : doc.replace('metadata:\n', `metadata:\n  annotations: {internal.config.kubernetes.io/path: ${path}}\n`);
  const item = (doc, path) => `- ${indent(annotated(doc, path))}`;
  const list = `apiVersion: config.kubernetes.io/v1\nkind: ResourceList\nitems:\n${docs.map((d) => item(d, 'c1/all.yaml')).join('')}functionConfig:\n  ${indent(config)}`;
  return { pkg, resourceList: input(`package-${n}`, list) };
}

const rows = [];
const fn = [BIN];
const floor = ['bench/floor.mjs'];
const bare = ['-e', 'process.stdin.pipe(process.stdout)'];

const [cold, node] = compare([fn, bare], bookinfo.path);
rows.push(['cold start: bookinfo vs bare node', cold.ms, node.ms, cold.ms / node.ms, '≤ 1.5']);
const results = sizes.map((s) => ({ s, m: compare([fn, floor], s.path) }));
for (const { s, m } of results)
  rows.push([
    `${s.label} items (${s.items}, ${s.mib.toFixed(1)} MiB) vs js-yaml floor`,
    m[0].ms,
    m[1].ms,
    m[0].ms / m[1].ms,
    s.label === '~11,000' ? '≤ 1.5' : '',
  ]);
const files = onePackage(8000);
const [filesMode, krmMode] = compare([[BIN, 'files', files.pkg], fn], files.resourceList.path);
rows.push(['files mode: 8,000 workloads in one file vs KRM mode', filesMode.ms, krmMode.ms, filesMode.ms / krmMode.ms, '']);
const big = results.find((r) => r.s.label === '~11,000');
const huge = results.find((r) => r.s.label === '~110,000');
const scaling = huge.m[0].ms / big.m[0].ms;
const rssRatio = big.m[0].rssMiB / big.m[1].rssMiB;

const pad = (x, n) => String(x).padEnd(n);
console.log(`multicluster-routes benchmark — node ${process.version}, ${RUNS} runs each, interleaved, medians\n`);
console.log(`${pad('measure', 58)}${pad('function ms', 13)}${pad('floor ms', 10)}${pad('ratio', 8)}target`);
for (const [name, a, b, ratio, target] of rows)
  console.log(`${pad(name, 58)}${pad(a.toFixed(0), 13)}${pad(b.toFixed(0), 10)}${pad(ratio.toFixed(2), 8)}${target}`);
console.log(
  `${pad('scaling: ~110,000 items / ~11,000 items (10× input)', 58)}${pad(huge.m[0].ms.toFixed(0), 13)}${pad(big.m[0].ms.toFixed(0), 10)}${pad(scaling.toFixed(2), 8)}≤ 12`,
);
console.log(
  `${pad('peak RSS MiB: ~11,000 items vs js-yaml floor', 58)}${pad(big.m[0].rssMiB.toFixed(0), 13)}${pad(big.m[1].rssMiB.toFixed(0), 10)}${pad(rssRatio.toFixed(2), 8)}≤ 2`,
);
