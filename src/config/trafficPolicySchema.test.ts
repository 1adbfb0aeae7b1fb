import { isClusterLocality, isLocality, localityProblem } from './locality';
import { trafficPolicySchema } from './trafficPolicySchema';

const messages = (value: unknown): string[] => {
  const parsed = trafficPolicySchema.safeParse(value);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('trafficPolicySchema checks what Istio refuses', () => {
  test.each([
    [{}, 'at least one field'],
    [{ tls: { mode: 'SIMPLE' } }, 'tls: tls is set by the function'],
    [{ outlierDetection: { interval: '0s' } }, 'outlierDetection.interval: a duration is at least 1ms'],
    [{ outlierDetection: { interval: '10 s' } }, 'outlierDetection.interval: a duration is a number and a unit'],
    [
      { outlierDetection: { consecutiveLocalOriginFailures: 2 } },
      'consecutiveLocalOriginFailures: consecutiveLocalOriginFailures needs splitExternalLocalOriginErrors',
    ],
    [{ connectionPool: { tcp: { maxConnections: -1 } } }, 'connectionPool.tcp.maxConnections: must be non-negative'],
    [{ connectionPool: { http: { h2UpgradePolicy: 'UPGRADE', useClientProtocol: true } } }, 'useClientProtocol must not be true'],
    [{ loadBalancer: { consistentHash: { maglev: { tableSize: 65536 } } } }, 'a maglev tableSize is a prime number'],
    [{ loadBalancer: { localityLbSetting: { failover: [{ from: 'us-east1/a', to: 'us-west1' }] } } }, 'failover names regions only'],
    [{ loadBalancer: { localityLbSetting: { distribute: [{ from: '*', to: { 'a/*': 50, 'a/b': 50 } }] } } }, 'overlaps'],
    [{ failover: { regions: { a: 60, b: 60 } } }, 'failover.regions: the region weights total 100'],
    [{ failover: 'local-first', loadBalancer: { localityLbSetting: {} } }, 'failover: failover writes loadBalancer.localityLbSetting'],
    [{ portLevelSettings: [{ port: { number: 80 } }] }, 'portLevelSettings.0: a port traffic policy has at least one'],
    [{ portLevelSettings: [{ port: { number: 80 }, outlierDetection: {}, tls: {} }] }, 'portLevelSettings.0.tls: tls is set by the function'],
  ])('%j', (value, expected) => {
    expect(messages(value).join('\n')).toContain(expected);
  });

  test.each([
    { failover: 'local-first' },
    { failover: { regions: { 'us-east1': 90, 'us-west1': 10 } } },
    { outlierDetection: { consecutive5xxErrors: 3, interval: '1m30s', baseEjectionTime: '500ms', maxEjectionPercent: 100 } },
    { connectionPool: { http: { http2MaxRequests: 10 } }, loadBalancer: { simple: 'LEAST_REQUEST', warmupDurationSecs: '10s' } },
    { loadBalancer: { consistentHash: { maglev: { tableSize: 65537 } } } },
  ])('accepts %j', (value) => {
    expect(messages(value)).toEqual([]);
  });
});

describe('localities as Istio reads them', () => {
  test('a cluster locality has one to three parts, none empty, and no wildcard', () => {
    expect(['us-east1', 'us-east1/b', 'us-east1/b/rack1'].every(isClusterLocality)).toBe(true);
    expect(['', 'us-east1/', '/b', 'us-east1//c', 'us-east1/*'].some(isClusterLocality)).toBe(false);
  });
  test('a distribute locality may end in one "*"', () => {
    expect(['*', 'us-east1/*', 'us-east1/b/*'].every(isLocality)).toBe(true);
    expect(['us-*/b', '**', 'a//*'].some(isLocality)).toBe(false);
  });
  test('overlapping localities are named', () => {
    expect(localityProblem(['a/*', 'b'])).toBeUndefined();
    expect(localityProblem(['*', 'b'])).toContain('overlaps');
    expect(localityProblem(['a', 'a/z'])).toContain('"a/z" overlaps "a"');
  });
});
