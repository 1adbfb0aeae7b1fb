/** The built executable, as kpt and kustomize run it: stdin → stdout, exit codes, no stack traces. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const BIN = join(__dirname, '..', 'dist', 'multicluster-routes.js');
const run = (args: string[], input = '') => spawnSync(BIN, args, { input, encoding: 'utf8' });

test('--help explains usage, the annotations and the functionConfig', () => {
  const { stdout, status } = run(['--help']);
  expect(status).toBe(0);
  for (const text of ['USAGE', 'multicluster-routes.dev/export', 'multicluster-routes.dev/routes', 'MulticlusterRoutes', 'targetCluster', 'ConfigMap'])
    expect(stdout).toContain(text);
});

test('a bookinfo ResourceList succeeds with exit code 0 and the golden output', () => {
  const input = readFileSync(join(__dirname, '..', 'testdata', 'bookinfo-current', 'input.yaml'), 'utf8');
  const expected = readFileSync(join(__dirname, '..', 'testdata', 'bookinfo-current', 'expected.yaml'), 'utf8');
  const { stdout, stderr, status } = run([], input);
  expect({ status, stderr }).toEqual({ status: 0, stderr: '' });
  expect(`# exit code: 0\n${stdout}`).toBe(expected);
});

/** A parent that hands over stdin in non-blocking mode (libuv and Go make a child's stdin blocking; Python does not). */
const NON_BLOCKING_PARENT = `
import fcntl, os, subprocess, sys, time
data = sys.stdin.buffer.read()
r, w = os.pipe()
fcntl.fcntl(r, fcntl.F_SETFL, fcntl.fcntl(r, fcntl.F_GETFL) | os.O_NONBLOCK)
child = subprocess.Popen(sys.argv[1:], stdin=r, stdout=subprocess.PIPE)
os.close(r)
third = len(data) // 3 + 1
for at in range(0, len(data), third):
    time.sleep(0.15)
    os.write(w, data[at:at + third])
os.close(w)
sys.stdout.buffer.write(child.stdout.read())
sys.exit(child.wait())
`;
const python = spawnSync('python3', ['--version']).status === 0;

(python ? test : test.skip)(
  `stdin in non-blocking mode, written slowly: the whole input is read${python ? '' : ' (skipped: needs python3 as the parent)'}`,
  () => {
    const input = readFileSync(join(__dirname, '..', 'testdata', 'bookinfo-current', 'input.yaml'), 'utf8');
    const expected = readFileSync(join(__dirname, '..', 'testdata', 'bookinfo-current', 'expected.yaml'), 'utf8');
    const { stdout, status } = spawnSync('python3', ['-c', NON_BLOCKING_PARENT, process.execPath, BIN], { input, encoding: 'utf8' });
    expect(status).toBe(0);
    expect(`# exit code: 0\n${stdout}`).toBe(expected);
  },
);

test.each([
  ['broken YAML', 'items: [\n'],
  ['empty input', ''],
  [
    'a bad functionConfig',
    'apiVersion: config.kubernetes.io/v1\nkind: ResourceList\nitems: []\nfunctionConfig: {apiVersion: multicluster-routes.dev/v1alpha1, kind: MulticlusterRoutes, spec: {clusters: 3}}\n',
  ],
])('%s: exit code 1, an error result, no stack trace', (_name, input) => {
  const { stdout, stderr, status } = run([], input);
  expect(status).toBe(1);
  expect(stdout).toMatch(/severity: error/);
  expect(stdout + stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
});

test('an unknown argument is a usage error', () => {
  const { stderr, status } = run(['--frobnicate']);
  expect(status).toBe(2);
  expect(stderr).toContain('--help');
});

test('--version prints the version of package.json', () => {
  const { stdout, status } = run(['--version']);
  const pkg = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as { version: string };
  expect({ stdout, status }).toEqual({ stdout: `multicluster-routes ${pkg.version}\n`, status: 0 });
});

test('a KRM error is printed to stderr too, readably: kustomize and Argo CD drop the stdout of a failing function', () => {
  const input = readFileSync(join(__dirname, '..', 'testdata', 'error-unknown-target-cluster', 'input.yaml'), 'utf8');
  const { stdout, stderr, status } = run([], input);
  expect(status).toBe(1);
  expect(stdout).toContain('severity: error');
  expect(stderr).toMatch(
    /^error: functionConfig spec\.targetCluster: "cluster9" is not a cluster of spec\.clusters \(cluster1, cluster2\); use one of those names \(.*\)\n$/,
  );
});

test.each([
  ['the KRM mode', [], '--config x.yaml', 'the KRM function mode (no command) does not take --config', 'multicluster-routes < resource-list.yaml'],
  ['the KRM mode', [], '--check', 'the KRM function mode (no command) does not take --check', 'multicluster-routes < resource-list.yaml'],
  ['files', ['files'], '--cluster c1', 'files does not take --cluster', 'multicluster-routes files [DIR]'],
  ['post-render', ['post-render', '--config', 'c.yaml'], '--check', 'post-render does not take --check', 'multicluster-routes post-render --config FILE'],
  ['explain', ['explain'], '--update f.yaml', 'explain does not take --update', 'multicluster-routes explain [DIR]'],
  ['facts', ['facts'], '--format text', 'facts does not take --format', 'multicluster-routes facts [DIR]'],
])('%s rejects %p %s with its usage (exit code 2)', (_mode, args, option, message, usage) => {
  const { stdout, stderr, status } = run([...args, ...option.split(' ')]);
  expect({ stdout, status }).toEqual({ stdout: '', status: 2 });
  expect(stderr).toContain(`multicluster-routes: ${message}`);
  expect(stderr).toContain(`usage:\n  ${usage}`);
});

test("Helm 3 given Helm 4's argument form (no post-render command) gets a message that says what to pass", () => {
  const { stderr, status } = run(['--config', 'testdata/helm/cluster1.yaml'], 'apiVersion: v1\nkind: Service\n');
  expect(status).toBe(2);
  expect(stderr).toContain('A Helm post-renderer? Pass the command first: --post-renderer-args post-render');
});
