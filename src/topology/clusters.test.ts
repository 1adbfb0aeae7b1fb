import { toServicePort } from './ports';

test.each([
  [{ name: 'http', port: 80 }, 'HTTP'],
  [{ name: 'http-web', port: 80 }, 'HTTP'],
  [{ name: 'grpc-api', port: 90 }, 'GRPC'],
  [{ name: 'grpc-web', port: 90 }, 'GRPC-Web'],
  [{ name: 'metrics', port: 91, appProtocol: 'http' }, 'HTTP'],
  [{ name: 'h2', port: 92, appProtocol: 'kubernetes.io/h2c' }, 'HTTP2'],
  [{ name: 'db', port: 5432 }, undefined],
  [{ name: 'dns', port: 53, protocol: 'UDP' }, 'UDP'],
  [{ port: 8080 }, undefined],
])('port %j → Istio protocol %s', (port, protocol) => {
  expect(toServicePort(port).protocol).toBe(protocol);
});

test('an unnamed port gets a name from its number', () => {
  expect(toServicePort({ port: 8080 }).name).toBe('port-8080');
});
