/**
 * ServiceEntry addresses from a CIDR pool (IPv4 or IPv6). An address depends only on its host name (a hash
 * into the pool, probing on collision) and on the addresses already held by previously generated
 * ServiceEntries, never on the order or number of other services.
 */
import { createHash } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';
import { compare } from '../util';

export interface Pool {
  readonly cidr: string;
  readonly family: 4 | 6;
  /** First usable address and how many there are. */
  readonly first: bigint;
  readonly count: bigint;
}

function parseV4(text: string): bigint {
  return text.split('.').reduce((acc, part) => (acc << 8n) | BigInt(Number(part)), 0n);
}

function parseV6(text: string): bigint {
  const [head = '', tail] = text.split('::');
  const groups = (s: string): string[] => (s === '' ? [] : s.split(':'));
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  const all = tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return all.reduce((acc, g) => (acc << 16n) | BigInt(Number.parseInt(g, 16)), 0n);
}

export function formatAddress(value: bigint, family: 4 | 6): string {
  if (family === 4) return [24n, 16n, 8n, 0n].map((shift) => String((value >> shift) & 255n)).join('.');
  const groups = Array.from({ length: 8 }, (_, i) => Number((value >> BigInt(112 - 16 * i)) & 0xffffn));
  let best = { at: -1, len: 0 };
  for (let i = 0; i < 8;) {
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > best.len && j - i >= 2) best = { at: i, len: j - i };
    i = j === i ? i + 1 : j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best.at < 0) return hex.join(':');
  return `${hex.slice(0, best.at).join(':')}::${hex.slice(best.at + best.len).join(':')}`;
}

/** A CIDR → its usable addresses (IPv4 without network and broadcast, IPv6 without the subnet-router address), or why not. */
export function parsePool(cidr: string): Pool | string {
  const [ip = '', prefixText, extra] = cidr.split('/');
  const family = isIPv4(ip) ? 4 : isIPv6(ip) && !ip.includes('.') ? 6 : 0;
  const bits = family === 4 ? 32 : 128;
  const prefix = Number(prefixText);
  if (family === 0 || extra !== undefined || prefixText === undefined || !/^\d+$/.test(prefixText) || prefix > bits) {
    return `${JSON.stringify(cidr)} is not a CIDR; write an IPv4 or IPv6 network such as 240.0.0.0/16 or fd00:1::/112`;
  }
  const size = 1n << BigInt(bits - prefix);
  const base = ((family === 4 ? parseV4(ip) : parseV6(ip)) >> BigInt(bits - prefix)) << BigInt(bits - prefix);
  const skipFirst = size > 2n ? 1n : 0n;
  const skipLast = family === 4 && size > 2n ? 1n : 0n;
  return { cidr, family, first: base + skipFirst, count: size - skipFirst - skipLast };
}

const hashOf = (host: string): bigint => BigInt(`0x${createHash('sha256').update(host).digest('hex').slice(0, 16)}`);

function toValue(address: string, pool: Pool): bigint | undefined {
  if (pool.family === 4 ? !isIPv4(address) : !isIPv6(address)) return undefined;
  const value = pool.family === 4 ? parseV4(address) : parseV6(address);
  return value >= pool.first && value < pool.first + pool.count ? value : undefined;
}

export type Allocation = { readonly ok: true; readonly addresses: Map<string, string> } | { readonly ok: false; readonly message: string };

export function allocate(pool: Pool, hosts: readonly string[], held: ReadonlyMap<string, string>): Allocation {
  if (BigInt(hosts.length) > pool.count) {
    return {
      ok: false,
      message: `addressPool ${pool.cidr} has ${pool.count} usable address${pool.count === 1n ? '' : 'es'} but ${hosts.length} global hosts need one; use a larger pool`,
    };
  }
  const taken = new Set<bigint>();
  const result = new Map<string, bigint>();
  for (const host of [...hosts].sort(compare)) {
    const kept = held.has(host) ? toValue(held.get(host) as string, pool) : undefined;
    if (kept !== undefined && !taken.has(kept)) {
      taken.add(kept);
      result.set(host, kept);
    }
  }
  for (const host of [...hosts].sort(compare)) {
    if (result.has(host)) continue;
    let slot = hashOf(host) % pool.count;
    while (taken.has(pool.first + slot)) slot = (slot + 1n) % pool.count;
    taken.add(pool.first + slot);
    result.set(host, pool.first + slot);
  }
  return { ok: true, addresses: new Map([...result].map(([host, value]) => [host, formatAddress(value, pool.family)])) };
}
