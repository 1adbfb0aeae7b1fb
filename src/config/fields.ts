/** Field schemas shared by the functionConfig and the route lists: Kubernetes names, label values, ports. */
import * as z from 'zod';

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

export const dnsLabel = (what: string) =>
  z
    .string()
    .max(63)
    .regex(DNS_LABEL, { message: `${what} must be a DNS label: lowercase letters, digits and "-", starting and ending with a letter or digit` });

export const version = z.string().min(1).max(63).regex(LABEL_VALUE, { message: 'a version must be a valid Kubernetes label value' });
export const port = z.number().int().min(1).max(65535);
