import { parse } from 'yaml';
import { routeSchema } from './routeSchema';

const check = (yaml: string): string[] =>
  (routeSchema.safeParse({ to: 'v1', ...(parse(yaml) as object) }).error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);

test.each([
  '{timeout: 10s}',
  '{timeout: 0.25s, retries: {attempts: 3, perTryTimeout: 2s, retryOn: "5xx,connect-failure,503", retryRemoteLocalities: true, backoff: 0.1s}}',
  '{retries: {attempts: 0}}',
  '{fault: {delay: {fixedDelay: 5s, percentage: {value: 0.1}}, abort: {httpStatus: 503, percentage: {value: 0}}}}',
  '{fault: {abort: {grpcStatus: UNAVAILABLE}}}',
  '{mirror: {host: reviews-shadow.test.svc.cluster.local, subset: v2, port: {number: 9080}}, mirrorPercentage: {value: 12.5}}',
  '{rewrite: {uri: /v2}, headers: {request: {set: {x-a: "%HOSTNAME%", host: b.example}, remove: [x-b]}, response: {add: {x-c: "100%%"}}}}',
  '{rewrite: {uriRegexRewrite: {match: "^/a(.*)", rewrite: "/b\\\\1"}}}',
  '{corsPolicy: {allowOrigins: [{exact: "https://example.com"}, {regex: ".*\\\\.example\\\\.org"}], allowMethods: [GET, POST], allowHeaders: [x-a], exposeHeaders: ["*"], maxAge: 86400s, allowCredentials: true, unmatchedPreflights: IGNORE}}',
])('Istio takes %s', (yaml) => {
  expect(check(yaml)).toEqual([]);
});

test.each([
  ['{route: [{destination: {host: a}}]}', 'route: the function writes the route (the destinations in every cluster); give the versions in `to` instead'],
  ['{delegate: {name: a}}', 'delegate: delegate is not supported: the function writes the whole VirtualService; give the rules here, with `to`'],
  [
    '{timeout: 10m}',
    'timeout: timeout must be a duration in seconds, such as 10s, 0.5s or 3600s: Istio reads it as a protobuf Duration, which takes no other unit (write 2m as 120s)',
  ],
  ['{timeout: 0s}', "timeout: timeout must be at least 1ms (Istio's webhook refuses shorter ones); give at least 0.001s"],
  ['{timeout: 1.0005s}', 'timeout: timeout is kept to the millisecond by Istio; give at most three decimals, such as 1.000s'],
  [
    '{retries: {retryOn: 5xx}}',
    'retries: gives retryOn with attempts unset (0, retries off), which Istio refuses; give attempts (such as 3), or remove retryOn',
  ],
  [
    '{retries: {attempts: 2, retryOn: "5xx, reset"}}',
    'retries.retryOn: " reset" is not a retryOn policy Istio takes; give a comma-separated list (no spaces) of Envoy policies such as 5xx,connect-failure,reset or HTTP status codes such as 503',
  ],
  [
    '{fault: {abort: {httpStatus: 503, percentage: {value: 150}}}}',
    'fault.abort.percentage: percentage.value must be 0 or from 0.0001 to 100 (Istio refuses others)',
  ],
  [
    '{fault: {delay: {fixedDelay: 1s, percentage: {value: 0.00001}}}}',
    'fault.delay.percentage: percentage.value must be 0 or from 0.0001 to 100 (Istio refuses others)',
  ],
  ['{fault: {abort: {httpStatus: 700}}}', 'fault.abort.httpStatus: an abort httpStatus must be from 200 to 600'],
  ['{fault: {}}', 'fault: a fault needs an abort and/or a delay'],
  ['{fault: {delay: {exponentialDelay: 1s}}}', 'fault.delay.exponentialDelay: Istio refuses exponentialDelay (not supported yet); use fixedDelay'],
  ['{fault: {abort: {http2Error: x}}}', 'fault.abort.http2Error: Istio refuses an http2Error abort (not supported yet); use httpStatus or grpcStatus'],
  ['{mirror: {host: "*"}}', 'mirror.host: mirror.host must be a host name such as reviews-shadow.default.svc.cluster.local (a bare * is refused)'],
  ['{mirror: {host: a}, mirrorPercentage: {value: 101}}', 'mirrorPercentage.value: Too big: expected number to be <=100'],
  ['{mirrorPercentage: {value: 10}}', ': gives mirrorPercentage without mirror; add mirror (the host to copy requests to) or remove mirrorPercentage'],
  ['{rewrite: {}}', 'rewrite: a rewrite needs uri, uriRegexRewrite or authority'],
  [
    '{rewrite: {authority: a}, headers: {request: {set: {":authority": b}}}}',
    ': sets the authority 2 times (a, b), which Istio refuses; keep one of rewrite.authority and the :authority/host request header',
  ],
  [
    '{headers: {request: {set: {x-a: "50%"}}}}',
    'headers.request.set.x-a: has a lone "%": write %% for a literal percent sign, or %VARIABLE% for an Envoy variable',
  ],
  [
    '{headers: {response: {remove: [Host]}}}',
    'headers.response.remove.0: is not a header Istio lets a route change here: give a non-empty name, neither host nor one starting with ":"',
  ],
  ['{headers: {request: {add: {x-a: "a\\nb"}}}}', 'headers.request.add.x-a: holds a control character (such as a newline); remove it'],
  [
    '{headers: {request: {set: {":path": /a}}}}',
    'headers.request.set: header ":path": is not a header Istio lets a route set: give a non-empty name not starting with ":" (":authority" or host rewrite the authority)',
  ],
  ['{rewrite: {uri: /a, uriRegexRewrite: {match: a, rewrite: b}}}', 'rewrite: a rewrite gives uri or uriRegexRewrite, not both'],
  [
    '{retries: {attempts: 1, perTryTimeout: 0.0005s}}',
    "retries.perTryTimeout: retries.perTryTimeout must be at least 1ms (Istio's webhook refuses shorter ones); give at least 0.001s",
  ],
  ['{corsPolicy: {maxAge: 1.5s}}', 'corsPolicy.maxAge: corsPolicy.maxAge is kept to the second by Istio; give whole seconds, such as 1s'],
  [
    '{corsPolicy: {allowMethods: [FETCH]}}',
    'corsPolicy.allowMethods.0: is not a method Istio takes; use one of GET, HEAD, POST, PUT, PATCH, DELETE, CONNECT, OPTIONS, TRACE, *',
  ],
])('Istio refuses %s', (yaml, problem) => {
  expect(check(yaml)).toEqual([problem]);
});
