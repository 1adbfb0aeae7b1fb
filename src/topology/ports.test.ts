import { portProblems } from '../config/portRules';
import { readServicePorts, toServicePort, trafficOf } from './ports';

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
  // pkg/config/kube/conversion.go ConvertProtocol: appProtocol replaces the name, even when Istio does not know it.
  [{ name: 'http', port: 80, appProtocol: 'custom' }, undefined],
  [{ name: 'tcp-db', port: 80, appProtocol: 'HTTP' }, 'HTTP'],
  [{ name: 'http', port: 80, appProtocol: 'Kubernetes.io/h2c' }, undefined],
  [{ name: 'ws', port: 80, appProtocol: 'kubernetes.io/wss' }, 'HTTPS'],
  [{ name: 'x', port: 80, appProtocol: 'http_proxy' }, 'HTTP_PROXY'],
  [{ name: 'grpc-website', port: 90 }, 'GRPC-Web'],
  [{ name: 'tcp', port: 5432 }, 'TCP'],
  [{ name: 'tls-db', port: 5433 }, 'TLS'],
  [{ name: 'mysql-main', port: 3307 }, 'MySQL'],
  [{ name: 'mongo', port: 27018 }, 'Mongo'],
  [{ name: 'redis-cache', port: 6379 }, 'Redis'],
  [{ name: 'udp-x', port: 9999 }, 'UDP'],
  [{ name: 'http', port: 80, protocol: 'UDP' }, 'UDP'],
  [{ name: 'httpx', port: 80 }, undefined],
  // Well-known TCP ports are TCP unless the name says otherwise (wellKnownPorts).
  [{ port: 3306 }, 'TCP'],
  [{ name: 'db', port: 27017 }, 'TCP'],
  [{ name: 'smtp', port: 25 }, 'TCP'],
  [{ name: 'http-dns', port: 53 }, 'HTTP'],
])('port %j → Istio protocol %s', (port, protocol) => {
  expect(toServicePort(port).protocol).toBe(protocol);
});

test.each([
  [{ name: 'grpc', port: 90 }, 'http'],
  [{ name: 'tcp', port: 90 }, 'tcp'],
  [{ name: 'mongo', port: 90 }, 'tcp'],
  [{ name: 'https', port: 443 }, 'tls'],
  [{ name: 'tls', port: 443 }, 'tls'],
  [{ port: 8080 }, 'auto'],
  [{ name: 'dns', port: 53, protocol: 'UDP' }, 'none'],
])('port %j → sidecar listener traffic %s', (port, traffic) => {
  expect(trafficOf(toServicePort(port))).toBe(traffic);
});

test('an unnamed port gets a name from its number', () => {
  expect(toServicePort({ port: 8080 }).name).toBe('port-8080');
});

const read = (ports: unknown) => readServicePorts({ ports } as never);
const problems = (ports: unknown): string[] => {
  const outcome = read(ports);
  return 'problems' in outcome ? outcome.problems.map((p) => `${p.field} ${p.message}`) : [];
};

test('ports Istio takes: named, unique; a single port may be unnamed', () => {
  expect(
    problems([
      { name: 'http', port: 80 },
      { name: 'grpc-api', port: 90, appProtocol: 'grpc' },
    ]),
  ).toEqual([]);
  expect(problems([{ port: 80 }])).toEqual([]);
  expect(problems([{ name: '', port: 80 }])).toEqual([]);
  expect(read([{ name: `a${'b'.repeat(60)}c`, port: 80 }])).toHaveProperty('ports');
});

test.each([
  [
    [
      { name: 'http', port: 80 },
      { name: 'http', port: 81 },
    ],
    'spec.ports[1].name "http" is also the name of spec.ports[0]; give each port its own name',
  ],
  [
    [
      { name: 'http', port: 80 },
      { name: 'http-alt', port: 80 },
    ],
    "spec.ports[1].port 80 is also the number of spec.ports[0]; Istio's ServiceEntry takes each port number once, so keep one of the two",
  ],
  [
    [
      { name: 'dns', port: 53, protocol: 'UDP' },
      { name: 'dns-tcp', port: 53 },
    ],
    "spec.ports[1].port 53 is also the number of spec.ports[0] (UDP there, TCP here); Istio's ServiceEntry takes each port number once, so keep one of the two",
  ],
  [
    [{ port: 80 }, { name: 'b', port: 81 }],
    'spec.ports[0].name is missing: a Service with 2 ports needs a name on each (Kubernetes requires it, Istio keys the gateway\'s ports by it); name it, e.g. "tcp-80" or "http-80"',
  ],
  [
    [{ name: ':http', port: 80 }],
    'spec.ports[0].name ":http" is not a valid port name: lowercase letters, digits and "-", starting and ending with a letter or digit (Kubernetes\' rule), at most 62 characters (Istio\'s); rename the port',
  ],
  [
    [{ name: 'a'.repeat(63), port: 80 }],
    `spec.ports[0].name "${'a'.repeat(63)}" is not a valid port name: lowercase letters, digits and "-", starting and ending with a letter or digit (Kubernetes' rule), at most 62 characters (Istio's); rename the port`,
  ],
  [[{ name: 'http', port: 0 }], 'spec.ports[0].port 0 is not a port number; give an integer from 1 to 65535'],
  [[{ name: 'http', port: 65536 }], 'spec.ports[0].port 65536 is not a port number; give an integer from 1 to 65535'],
  [[{ name: 'http', port: '80' }], 'spec.ports[0].port "80" is not a port number; give an integer from 1 to 65535'],
  [[{ name: 'http' }], 'spec.ports[0].port is missing; give an integer from 1 to 65535'],
  [[{ name: 5, port: 80 }], 'spec.ports[0].name 5 is not a port name; write it as a string'],
  [['http'], 'spec.ports[0] is not a port; write it as {name: http, port: 80}'],
  [[], 'spec.ports is not a list of ports; give the Service its ports, such as [{name: http, port: 80}]'],
])('ports %j: %s', (ports, problem) => {
  expect(problems(ports)).toEqual([problem]);
});

test('every problem of a list is reported, each on its entry', () => {
  expect(problems([{ name: 'http', port: 80 }, { name: 'http', port: 80 }, { port: 81 }]).map((p) => p.split(' ')[0])).toEqual([
    'spec.ports[1].name',
    'spec.ports[1].port',
    'spec.ports[2].name',
  ]);
});

test('portProblems names the list it is given', () => {
  expect(
    portProblems(
      [
        { name: 'a', port: 1 },
        { name: 'a', port: 2 },
      ],
      'spec.remoteWorkloads[0].ports',
    ),
  ).toEqual([{ index: 1, key: 'name', message: '"a" is also the name of spec.remoteWorkloads[0].ports[0]; give each port its own name' }]);
});
