import { checkPortRoutes } from './checkPortRoutes';
import type { Route } from './model';
import { portRules } from './portRoutes';
import { toServicePort } from './ports';

const to = [{ version: 'v1', weight: 100 }];
const rule = (match?: Route['match'], name?: string): Route => ({ name, match, to, http: undefined });
const jason = { headers: { 'end-user': { exact: 'jason' } } };

describe('portRules: the rules as a connection to a port meets them', () => {
  test('a rule without match takes every connection and ends the list', () => {
    expect(portRules([rule(), rule()], 5432)).toEqual([{ rule: 0, matches: [{ port: 5432 }] }]);
  });
  test('a match on an HTTP condition is left out, the source conditions are kept', () => {
    const routes = [rule([jason]), rule([{ sourceLabels: { app: 'batch' } }, { uri: { prefix: '/' } }]), rule()];
    expect(portRules(routes, 9091)).toEqual([
      { rule: 1, matches: [{ port: 9091, sourceLabels: { app: 'batch' } }] },
      { rule: 2, matches: [{ port: 9091 }] },
    ]);
  });
  test('a match for another port is left out; one for this port keeps it', () => {
    expect(portRules([rule([{ port: 80 }]), rule([{ port: 5432, sourceNamespace: 'jobs' }])], 5432)).toEqual([
      { rule: 1, matches: [{ port: 5432, sourceNamespace: 'jobs' }] },
    ]);
  });
  test('a match an earlier rule already holds is left out (Istio: ineffective match)', () => {
    const batch = { sourceLabels: { app: 'batch' } };
    expect(portRules([rule([batch]), rule([batch, { gateways: ['mesh'] }])], 1)).toEqual([
      { rule: 0, matches: [{ port: 1, sourceLabels: { app: 'batch' } }] },
      { rule: 1, matches: [{ port: 1, gateways: ['mesh'] }] },
    ]);
  });
  test('name, statPrefix and ignoreUriCase test nothing: such a match takes every connection', () => {
    expect(portRules([rule([{ name: 'all', ignoreUriCase: true, statPrefix: 'x' }]), rule()], 1)).toEqual([{ rule: 0, matches: [{ port: 1 }] }]);
  });
});

describe('checkPortRoutes', () => {
  const origin = { service: 'default/db', field: 'spec.services[0].routes', at: {} };
  const tcp = [toServicePort({ name: 'tcp', port: 5432 })];
  const mixed = [toServicePort({ name: 'http', port: 80 }), toServicePort({ name: 'tls', port: 443 })];

  test('an HTTP condition on a service whose every port carries TCP is an error naming the rule and the fix', () => {
    const [problem, ...more] = checkPortRoutes(origin, tcp, [rule([jason], 'jason'), rule()]);
    expect(more).toEqual([]);
    expect(problem).toMatchObject({ severity: 'error', code: 'http-match-on-tcp', field: 'spec.services[0].routes' });
    expect(problem?.message).toBe(
      'routes of service default/db: rule 0 (jason) match[0] tests headers, which only an HTTP request carries, but every port of the service carries TCP or TLS (tcp (5432, TCP)), and Istio routes a connection by port and source only; drop this condition, or, if the port carries HTTP, name it http-… or set its appProtocol: http',
    );
  });
  test('the same rules on a sniffed port are fine: HTTP requests meet them', () => {
    expect(checkPortRoutes(origin, [toServicePort({ port: 8080 })], [rule([jason]), rule()])).toEqual([]);
  });
  test('a TLS port that no rule reaches is an error; a last rule without match fixes it', () => {
    expect(checkPortRoutes(origin, mixed, [rule([jason])]).map((r) => r.code)).toEqual(['unrouted-port']);
    expect(checkPortRoutes(origin, mixed, [rule([jason]), rule()])).toEqual([]);
  });
});
