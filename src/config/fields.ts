/** Field schemas shared by the functionConfig and the route lists: Kubernetes names, label values, ports. */
import * as z from 'zod';

export const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
export const isDnsLabel = (name: string): boolean => name.length <= 63 && DNS_LABEL.test(name);
/** A DNS-1035 label, which Kubernetes requires of a Service's name. */
export const isServiceName = (name: string): boolean => name.length <= 63 && /^[a-z]([-a-z0-9]*[a-z0-9])?$/.test(name);
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

export const dnsLabel = (what: string) =>
  z
    .string()
    .max(63)
    .regex(DNS_LABEL, { message: `${what} must be a DNS label: lowercase letters, digits and "-", starting and ending with a letter or digit` });

export const version = z.string().min(1).max(63).regex(LABEL_VALUE, { message: 'a version must be a valid Kubernetes label value' });
export const port = z.number().int().min(1).max(65535);

const QUALIFIED_NAME = /^[A-Za-z0-9](?:[-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9](?:[-a-z0-9]*[a-z0-9])?(?:\.[a-z0-9](?:[-a-z0-9]*[a-z0-9])?)*$/;

/** Kubernetes' label key syntax: an optional DNS-subdomain prefix and "/", then a name of at most 63 characters. */
function isLabelKey(key: string): boolean {
  const slash = key.indexOf('/');
  const name = slash < 0 ? key : key.slice(slash + 1);
  const prefix = slash < 0 ? undefined : key.slice(0, slash);
  const prefixOk = prefix === undefined || (prefix.length <= 253 && DNS_SUBDOMAIN.test(prefix));
  return prefixOk && name.length <= 63 && QUALIFIED_NAME.test(name);
}

export const labelKey = z.string().min(1, { abort: true, message: 'a label key is not empty' }).refine(isLabelKey, {
  message:
    'a label key is a name of at most 63 letters, digits, "-", "_" and ".", starting and ending with a letter or digit, with an optional DNS prefix and "/"',
});
export const labelValue = z.string().max(63).regex(LABEL_VALUE, {
  message: 'a label value has at most 63 letters, digits, "-", "_" and ".", starting and ending with a letter or digit (or is empty)',
});
