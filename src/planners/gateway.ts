/**
 * Current profile: the `*.<globalSuffix>` AUTO_PASSTHROUGH Gateway of a cluster that serves exported services. Its
 * server names the gateway Service's port (`listenPort`), which Istio resolves to the pods' target port
 * (pilot/pkg/model/gateway.go, resolvePorts); `gateway.port` is where other clusters reach it, which a NodePort or a
 * load balancer may map.
 */
import { GATEWAY_NAME, GATEWAY_NAMESPACE } from '../names';
import type { Generated, PlanContext } from './generated';
import { generated } from './generated';

export function passthroughGateway(ctx: PlanContext): Generated | undefined {
  const serves = ctx.mesh.services.some((s) => s.workloads.some((w) => w.cluster === ctx.cluster.name));
  if (!serves) return undefined;
  return generated(
    ctx,
    'Gateway',
    { name: GATEWAY_NAME, namespace: GATEWAY_NAMESPACE, service: GATEWAY_NAME },
    {
      selector: { ...ctx.spec.gatewaySelector },
      servers: [
        {
          port: { number: ctx.cluster.gatewayListenPort, name: 'tls', protocol: 'TLS' },
          tls: { mode: 'AUTO_PASSTHROUGH' },
          hosts: [`*.${ctx.spec.globalSuffix}`],
        },
      ],
    },
  );
}
