import { allocate, formatAddress, parsePool } from './addresses';
import type { Pool } from './addresses';

const pool = (cidr: string): Pool => {
  const parsed = parsePool(cidr);
  if (typeof parsed === 'string') throw new Error(parsed);
  return parsed;
};
const hosts = (n: number): string[] => Array.from({ length: n }, (_, i) => `svc${i}.ns.global`);
const addressesOf = (p: Pool, list: string[], held = new Map<string, string>()): Map<string, string> => {
  const result = allocate(p, list, held);
  if (!result.ok) throw new Error(result.message);
  return result.addresses;
};

describe('parsePool', () => {
  test('IPv4 skips the network and broadcast addresses', () => {
    expect(pool('240.0.0.0/16')).toMatchObject({ family: 4, count: 65534n });
    expect(pool('10.0.0.0/31')).toMatchObject({ count: 2n });
  });
  test('IPv6 skips the subnet-router address', () => {
    expect(pool('fd00:6d72::/112')).toMatchObject({ family: 6, count: 65535n });
  });
  test.each(['240.0.0.0', '240.0.0.0/33', '300.0.0.0/8', 'fd00::/129', 'not-a-cidr', '10.0.0.0/8/1', '::ffff:1.2.3.4/120'])('rejects %s', (cidr) => {
    expect(parsePool(cidr)).toEqual(expect.stringContaining('is not a CIDR'));
  });
});

describe('allocate', () => {
  const p = pool('240.0.0.0/16');

  test('adding, removing or renaming other services never moves an address', () => {
    const before = addressesOf(p, hosts(50));
    const added = addressesOf(p, [...hosts(50), 'new.ns.global']);
    const removed = addressesOf(p, hosts(50).slice(10));
    const renamed = addressesOf(p, [...hosts(50).slice(1), 'renamed.ns.global']);
    for (const host of hosts(50)) {
      expect(added.get(host)).toBe(before.get(host));
      if (removed.has(host)) expect(removed.get(host)).toBe(before.get(host));
      if (renamed.has(host)) expect(renamed.get(host)).toBe(before.get(host));
    }
  });

  test('does not depend on the order of the hosts', () => {
    expect(addressesOf(p, [...hosts(20)].reverse())).toEqual(addressesOf(p, hosts(20)));
  });

  test('keeps a held address inside the pool and drops one outside it', () => {
    const held = new Map([
      ['svc0.ns.global', '240.0.0.7'],
      ['svc1.ns.global', '10.1.2.3'],
    ]);
    const result = addressesOf(p, hosts(2), held);
    expect(result.get('svc0.ns.global')).toBe('240.0.0.7');
    expect(result.get('svc1.ns.global')).toBe(addressesOf(p, hosts(2)).get('svc1.ns.global'));
  });

  test('a colliding host probes to the next free address, and every address is unique', () => {
    const small = pool('10.0.0.0/29');
    const result = addressesOf(small, hosts(6));
    expect(new Set(result.values()).size).toBe(6);
    for (const address of result.values()) expect(address).toMatch(/^10\.0\.0\.[1-6]$/);
  });

  test('an exhausted pool is an error', () => {
    const result = allocate(pool('10.0.0.0/31'), hosts(3), new Map());
    expect(result).toEqual({ ok: false, message: expect.stringContaining('has 2 usable addresses but 3 global hosts need one') });
  });

  test('IPv6 addresses are written compressed', () => {
    const result = addressesOf(pool('fd00:6d72::/112'), ['a.b.global']);
    expect(result.get('a.b.global')).toMatch(/^fd00:6d72::[0-9a-f]{1,4}$/);
    expect(formatAddress(0x20010db8000000000000000000000001n, 6)).toBe('2001:db8::1');
    expect(formatAddress(0x20010db8000100000000000100000001n, 6)).toBe('2001:db8:1::1:0:1');
  });
});

describe("the pool's edges", () => {
  // 240.0.0.0/24: usable 240.0.0.1 to 240.0.0.254; .0 is the network and .255 the broadcast address.
  const p = pool('240.0.0.0/24');
  test.each([
    ['240.0.0.1', true],
    ['240.0.0.254', true],
    ['240.0.0.0', false],
    ['240.0.0.255', false],
    ['240.0.1.0', false],
  ])('a previously held %s is kept: %s', (address, kept) => {
    const got = addressesOf(p, ['a.ns.global'], new Map([['a.ns.global', address]])).get('a.ns.global');
    if (kept) expect(got).toBe(address);
    else expect(got).not.toBe(address);
    expect(toNumber(got ?? '')).toBeGreaterThanOrEqual(1);
    expect(toNumber(got ?? '')).toBeLessThanOrEqual(254);
  });
  test('a pool of two addresses holds two hosts, a third is refused', () => {
    const two = pool('10.0.0.0/31');
    expect([...addressesOf(two, hosts(2)).values()].sort()).toEqual(['10.0.0.0', '10.0.0.1']);
    expect(allocate(two, hosts(3), new Map()).ok).toBe(false);
  });
});

function toNumber(address: string): number {
  const [a, b, c, d] = address.split('.').map(Number);
  return a === 240 && b === 0 && c === 0 && d !== undefined ? d : -1;
}
