/** An Istio HTTPMatchRequest list in words: `header end-user exact jason`, conditions joined by "and", requests by "or". */
import type { Json, JsonObject } from '../krm/yamlNodes';

const scalar = (value: Json): string => (typeof value === 'string' ? value : JSON.stringify(value));

/** `{exact: jason}` → `exact jason`; anything else as compact JSON. */
const stringMatch = (value: Json): string =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
    ? Object.entries(value)
        .map(([how, what]) => `${how} ${scalar(what)}`)
        .join(' ')
    : scalar(value);

const PER_NAME: Readonly<Record<string, string>> = { headers: 'header', queryParams: 'query', withoutHeaders: 'without header' };

function condition(key: string, value: Json): string[] {
  const entries = value !== null && typeof value === 'object' && !Array.isArray(value) ? Object.entries(value) : [];
  const each = PER_NAME[key];
  if (each) return entries.map(([name, m]) => `${each} ${name} ${stringMatch(m)}`);
  if (key === 'sourceLabels') return [`source ${entries.map(([k, v]) => `${k}=${scalar(v)}`).join(',')}`];
  if (key === 'gateways' && Array.isArray(value)) return [`gateway ${value.map(scalar).join(',')}`];
  if (key === 'name' || key === 'statPrefix' || key === 'ignoreUriCase') return [];
  return [`${key} ${stringMatch(value)}`];
}

function request(match: JsonObject): string {
  const parts = Object.entries(match).flatMap(([key, value]) => condition(key, value));
  return parts.length === 0 ? 'any request' : parts.join(' and ');
}

export function describeMatch(match: readonly JsonObject[] | undefined): string {
  if (match === undefined) return 'any request';
  const requests = match.map(request);
  return requests.includes('any request') ? 'any request' : requests.join(' or ');
}

/**
 * The rest of a rule's HTTPRoute in words: `timeout 2s, 3 attempts`, `mirror to <host> (5%)`, and the other
 * fields by name (`fault`, `headers`…).
 */
export function describeHandling(http: JsonObject): string {
  const words: string[] = [];
  for (const [field, value] of Object.entries(http)) {
    const map = (value ?? {}) as JsonObject;
    if (field === 'timeout') words.push(`timeout ${scalar(value)}`);
    else if (field === 'retries') words.push(`${scalar(map['attempts'] ?? 0)} attempts`);
    else if (field === 'mirrorPercentage') continue;
    else if (field === 'mirror')
      words.push(
        `mirror to ${scalar(map['host'] ?? '')}${http['mirrorPercentage'] ? ` (${scalar((http['mirrorPercentage'] as JsonObject)['value'] ?? 0)}%)` : ''}`,
      );
    else words.push(field);
  }
  return words.join(', ');
}
