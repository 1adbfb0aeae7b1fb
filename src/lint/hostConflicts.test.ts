import { fullHost } from './hostConflicts';

test.each([
  ['reviews', 'default', 'reviews.default.svc.cluster.local'],
  ['reviews', 'shop', 'reviews.shop.svc.cluster.local'],
  ['reviews.default', 'shop', 'reviews.default.svc.cluster.local'],
  ['reviews.default.svc', 'shop', 'reviews.default.svc.cluster.local'],
  ['Reviews.Default.SVC.cluster.local.', 'shop', 'reviews.default.svc.cluster.local'],
  ['reviews.default.global', 'shop', 'reviews.default.global'],
])('host %j in namespace %s is %s', (host, namespace, full) => {
  expect(fullHost(host, namespace)).toBe(full);
});
