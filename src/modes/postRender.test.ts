/** Post-render passes every document it does not change through as the chart rendered it, byte for byte. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { runPostRender } from './postRender';

const CONFIG = join(__dirname, '..', '..', 'testdata', 'helm', 'cluster1.yaml');
const config = readFileSync(CONFIG, 'utf8');
const render = (manifests: string) => runPostRender(manifests, config, CONFIG, { errorsAsDocument: false });

const SERVICE = `# Source: bookinfo/templates/reviews.yaml
apiVersion: v1
kind: Service
metadata:
  name: reviews
  annotations:
    multicluster-routes.dev/export: "true"
spec:
  ports:
  - {port: 9080, name: http}
  selector: {app: reviews}
`;
// Helm writes a NEL in a value as the escape \\N; written raw, go-yaml would read it as a line break.
const SECRET = `# Source: bookinfo/templates/secret.yaml
apiVersion: v1
kind: Secret
metadata:
  name: token   # a comment
stringData:
  token: "a\\Nb"
  mode: 0644
  flag: 'yes'
`;
const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: reviews-v1
spec:
  selector:
    matchLabels: {app: reviews, version: v1}
  template:
    metadata:
      labels: {app: reviews, version: v1}   # pods
    spec:
      containers:
      - name: reviews
        image: docker.io/istio/examples-bookinfo-reviews-v1:1.20.2
`;

test('documents the function does not change come out as their source text, escapes and comments included', () => {
  const result = render(`---\n${SERVICE}---\n${SECRET}`);
  expect(result.stderr).toBe('');
  expect(result.exitCode).toBe(0);
  expect(result.stdout.startsWith(`${SERVICE}---\n${SECRET}---\n`)).toBe(true);
  expect(result.stdout).not.toContain('\u0085');
  const secret = parseAllDocuments(result.stdout).map((d) => d.toJS() as { kind: string; stringData?: unknown })[1];
  expect(secret?.stringData).toEqual({ token: 'a\u0085b', mode: 644, flag: 'yes' });
});

test("a workload's pod label is an edit of its text: the rest stays as written", () => {
  const result = render(`${SERVICE}---\n${DEPLOYMENT}`);
  expect(result.exitCode).toBe(0);
  const labelled = DEPLOYMENT.replace(
    '{app: reviews, version: v1}   # pods',
    '{app: reviews, version: v1, service.multicluster-routes.dev/reviews: "true"}   # pods',
  );
  expect(result.stdout.startsWith(`${SERVICE}---\n${labelled}---\n`)).toBe(true);
});

test('a stream without separators between documents, with a document end marker, keeps each document whole', () => {
  const result = render(`${SERVICE}...\n---\n${SECRET}`);
  expect(result.exitCode).toBe(0);
  expect(result.stdout.startsWith(`${SERVICE}...\n---\n${SECRET}---\n`)).toBe(true);
});
