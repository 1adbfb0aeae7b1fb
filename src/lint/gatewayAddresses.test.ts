import { unreachableBecause } from './gatewayAddresses';

test.each([
  ['0.0.0.0', 'the unspecified address'],
  ['::', 'the unspecified address'],
  ['127.0.0.1', 'a loopback address'],
  ['127.10.0.3', 'a loopback address'],
  ['0:0:0:0:0:0:0:1', 'a loopback address'],
  ['169.254.1.1', 'a link-local address'],
  ['fe80::1', 'a link-local address'],
  ['localhost', 'a loopback name'],
  ['gw.LOCALHOST.', 'a loopback name'],
  ['  ', 'blank'],
])('%j cannot be reached from another cluster: %s', (address, why) => {
  expect(unreachableBecause(address)).toBe(why);
});

test.each(['192.0.2.10', '10.0.0.1', '2001:db8::1', 'gw.example.com', 'localhost.example.com'])('%j can be', (address) => {
  expect(unreachableBecause(address)).toBeUndefined();
});
