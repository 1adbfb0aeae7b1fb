// npm run bench: the function against its floors, measured side by side in one run, interleaved, medians.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { meshResourceList } from './mesh.mjs';

const BIN = 'dist/multicluster-routes.js';
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const dir = mkdtempSync(join(tmpdir(), 'mcr-bench-'));

function measure(args, inputFile) {
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
