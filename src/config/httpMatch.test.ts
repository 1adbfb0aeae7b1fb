import { parse } from 'yaml';
import { httpMatch } from './httpMatch';

const check = (yaml: string): string[] => (httpMatch.safeParse(parse(yaml)).error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);

test.each([
  '{headers: {end-user: {exact: jason}}}',
  '{uri: {prefix: /api}, method: {exact: GET}, ignoreUriCase: true}',
  '{uri: {prefix: ""}}',
  '{uri: {regex: "^/v[0-9]+/.*"}}',
  '{headers: {x-present: {}}}',
  '{headers: {":authority": {exact: a.example.com}, "@request.auth.claims.group": {exact: admin}, "@request.auth.claims[kubernetes.io][ns]": {exact: a}}}',
  '{headers: {__proto__: {exact: a}, constructor: {prefix: b}}}',
  '{withoutHeaders: {x-debug: {regex: "*"}}}',
  '{queryParams: {tester: {exact: "true"}, "any name at all": {regex: "[0-9]+"}}}',
  '{sourceLabels: {app: web, example.com/tier: front}, sourceNamespace: default, port: 8080, gateways: [mesh], name: m, statPrefix: s}',
])('Istio takes %s', (yaml) => {
  expect(check(yaml)).toEqual([]);
});

test.each([
  ['{headers: {x: {exact: 5}}}', 'headers.x.exact: must be a string: write it in quotes ("5")'],
  ['{headers: {x: {prefix: true}}}', 'headers.x.prefix: must be a string: write it in quotes ("true")'],
  ['{uri: {exact: [a]}}', 'uri.exact: must be a string, not a list'],
  ['{uri: /a}', 'uri: must be an Istio StringMatch, not a string: {exact: …}, {prefix: …} or {regex: …}'],
  ['{headers: {x: }}', 'headers.x: must be an Istio StringMatch, not nothing: {exact: …}, {prefix: …} or {regex: …}'],
  [
    '{uri: {exact: /a, prefix: /b}}',
    'uri: gives exact and prefix, but an Istio StringMatch holds one of exact, prefix and regex; keep one (to accept either of two values, write two match entries: Istio ORs them)',
  ],
  ['{headers: {x: {exakt: a}}}', 'headers.x: Unrecognized key: "exakt"'],
  ['{headers: {x: {exact: a, __proto__: {regex: b}}}}', 'headers.x: Unrecognized key: "__proto__"'],
  ['{__proto__: {uri: {exact: a}}}', ': Unrecognized key: "__proto__"'],
  ['{method: {prefix: ""}}', 'method.prefix: an empty prefix is refused by Istio here; give a prefix (for a header that must merely be present, write {})'],
  ['{headers: {x: {regex: ""}}}', 'headers.x.regex: an empty regex is refused by Istio; give an RE2 expression, or drop the condition'],
  [`{uri: {regex: "${'a'.repeat(1025)}"}}`, "uri.regex: a regex may have at most 1024 characters (Istio's limit); shorten it"],
  [
    '{headers: {"a b": {exact: x}}}',
    'headers: header "a b": is not a header name: use letters, digits and !#$%&\'*+-.^_`|~ (an HTTP token, such as end-user), a pseudo-header such as :authority, or @request.auth.claims.<claim>',
  ],
  [
    '{sourceLabels: {app: "a b"}}',
    'sourceLabels.app: a label value has at most 63 letters, digits, "-", "_" and ".", starting and ending with a letter or digit (or is empty)',
  ],
  [
    '{sourceNamespace: Prod}',
    'sourceNamespace: sourceNamespace must be a DNS label: lowercase letters, digits and "-", starting and ending with a letter or digit',
  ],
  ['{port: 0}', 'port: Too small: expected number to be >=1'],
  ['{ignoreUriCase: "yes"}', 'ignoreUriCase: Invalid input: expected boolean, received string'],
])('Istio refuses %s', (yaml, problem) => {
  expect(check(yaml)).toEqual([problem]);
});
