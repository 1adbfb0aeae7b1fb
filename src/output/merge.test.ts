import * as fc from 'fast-check';
import { DNS_LABEL, labelKey, labelValue } from '../config/fields';
import { ValueResource } from '../krm/sourceItem';
import { LEGACY_LABEL_SERVICE, SERVICE_LABEL_VALUE, serviceLabel } from '../names';
import { serviceLabelChanges } from './merge';

const workload = (labels: Record<string, string | boolean>): ValueResource =>
  new ValueResource({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'w' }, spec: { template: { metadata: { labels } } } });

test('every Service name Kubernetes allows gives a valid label key, and the value is a valid label value', () => {
  const name = fc.stringMatching(/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/);
  fc.assert(fc.property(name, (service) => DNS_LABEL.test(service) && labelKey.safeParse(serviceLabel(service)).success));
  expect(labelKey.safeParse(serviceLabel('a'.repeat(63))).success).toBe(true);
  expect(labelValue.safeParse(SERVICE_LABEL_VALUE).success).toBe(true);
});

test('the wanted labels are set, the other labels the function owns removed, every other label left alone', () => {
  const labels = {
    app: 'frontend',
    [LEGACY_LABEL_SERVICE]: 'frontend',
    [serviceLabel('gone')]: 'true',
    [serviceLabel('frontend')]: 'true',
    [serviceLabel('frontend-external')]: true,
    'service.example.com/frontend': 'true',
  };
  expect(serviceLabelChanges(workload(labels), [serviceLabel('frontend'), serviceLabel('frontend-external'), serviceLabel('new')])).toEqual([
    [LEGACY_LABEL_SERVICE, undefined],
    [serviceLabel('gone'), undefined],
    [serviceLabel('frontend-external'), 'true'],
    [serviceLabel('new'), 'true'],
  ]);
  expect(serviceLabelChanges(workload(labels), [])).toHaveLength(4);
  expect(serviceLabelChanges(workload({ app: 'x', [serviceLabel('x')]: 'true' }), [serviceLabel('x')])).toEqual([]);
});
