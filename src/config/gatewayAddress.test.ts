import { notAnAddressBecause } from './gatewayAddress';

test.each([
  '192.0.2.10',
  '2001:db8::10',
  '::ffff:192.0.2.1',
  'gw.example.com',
  'GW.Example.COM',
  'gw.example.com.',
  'eastwest',
  'a-1.b-2.io',
  `${'a'.repeat(63)}.example.com`,
])('%j is an address', (address) => {
  expect(notAnAddressBecause(address)).toBeUndefined();
});

test.each([
  ['[2001:db8::10]', 'an IPv6 address is written without brackets here'],
  ['192.0.2.300', 'it is not a valid IPv4 address, and a DNS name does not end in a part that is all digits'],
  ['gw.example.com:15443', 'it is not an IPv4 or IPv6 address, and a DNS name has no ":" or "%"'],
  ['fe80::1%eth0', 'it is not an IPv4 or IPv6 address, and a DNS name has no ":" or "%"'],
  ['unix:///var/run/gw.sock', 'it is not an IPv4 or IPv6 address, and a DNS name has no ":" or "%"'],
  ['gw..example.com', 'a DNS name has no empty part (two dots in a row, or a dot at the start)'],
  ['.example.com', 'a DNS name has no empty part (two dots in a row, or a dot at the start)'],
  ['gw_1.example.com', 'the part "gw_1" is not a DNS label: letters, digits and "-", starting and ending with a letter or digit'],
  ['gw-.example.com', 'the part "gw-" is not a DNS label: letters, digits and "-", starting and ending with a letter or digit'],
  [' 192.0.2.10', 'the part " 192" is not a DNS label: letters, digits and "-", starting and ending with a letter or digit'],
  [`${'a'.repeat(64)}.example.com`, 'each dot-separated part of a DNS name has at most 63 characters, one here has 64'],
  [`${'abcdefghi.'.repeat(26)}com`, 'a DNS name has at most 253 characters, this has 263'],
])('%j is not an address: %s', (address, why) => {
  expect(notAnAddressBecause(address)).toBe(why);
});
