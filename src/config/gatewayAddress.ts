/**
 * A cluster's gateway address goes into ServiceEntry endpoints and WorkloadEntries, whose `address` Istio accepts
 * as an IP address or a fully qualified DNS name (its webhook's ValidateFQDN: labels of letters, digits and "-",
 * a top-level label that is not all digits, an optional final dot). Anything else is refused here, with the reason.
 */
import { isIP } from 'node:net';

/** The longest DNS name (RFC 1035), without its optional final dot; an IPv6 literal is far shorter. */
export const MAX_DNS_NAME = 253;
const MAX_DNS_LABEL = 63;
const DNS_LABEL = /^[A-Za-z0-9](?:[-A-Za-z0-9]*[A-Za-z0-9])?$/;

const isIpLiteral = (text: string): boolean => isIP(text) !== 0 && !text.includes('%');

/** Why `text` is neither an IP address nor a DNS name, or undefined when it is one of them. */
export function notAnAddressBecause(text: string): string | undefined {
  if (isIpLiteral(text)) return undefined;
  if (/^\[.*\]$/.test(text) && isIpLiteral(text.slice(1, -1))) return 'an IPv6 address is written without brackets here';
  if (text.includes(':') || text.includes('%')) return 'it is not an IPv4 or IPv6 address, and a DNS name has no ":" or "%"';
  const name = text.endsWith('.') ? text.slice(0, -1) : text;
  if (name.length > MAX_DNS_NAME) return `a DNS name has at most ${MAX_DNS_NAME} characters, this has ${name.length}`;
  const labels = name.split('.');
  const long = labels.find((label) => label.length > MAX_DNS_LABEL);
  if (long !== undefined) return `each dot-separated part of a DNS name has at most ${MAX_DNS_LABEL} characters, one here has ${long.length}`;
  const bad = labels.find((label) => !DNS_LABEL.test(label));
  if (bad !== undefined)
    return bad === ''
      ? 'a DNS name has no empty part (two dots in a row, or a dot at the start)'
      : `the part ${JSON.stringify(bad)} is not a DNS label: letters, digits and "-", starting and ending with a letter or digit`;
  if (/^[0-9]+$/.test(labels[labels.length - 1] ?? '')) return 'it is not a valid IPv4 address, and a DNS name does not end in a part that is all digits';
  return undefined;
}
