// Synthetic meshes for the benchmark: N exported services with three versions spread over C clusters, some with
// routes, plus unrelated ConfigMaps with comments and values a YAML round trip would mangle (0644, yes).
export function meshResourceList({ services, clusters, configMaps }) {
  const lines = ['apiVersion: config.kubernetes.io/v1', 'kind: ResourceList', 'items:'];
  const cluster = (i) => `cluster${(i % clusters) + 1}`;
  for (let s = 0; s < services; s++) {
    const name = `svc${s}`;
    const ns = `ns${s % 20}`;
    const versions = ['v1', 'v2', 'v3'].map((v, i) => ({ v, c: cluster(s + i) }));
    const homes = [...new Set(versions.map((x) => x.c))];
    const routes =
      s % 3 === 0
        ? `\n      multicluster-routes.dev/routes: '[{name: canary, match: [{headers: {x-canary: {exact: "1"}}}], to: {v3: 100}}, {to: {v1: 90, v2: 10}}]'`
        : '';
    for (const c of homes) {
      lines.push(`- apiVersion: v1
  kind: Service
  metadata:
    name: ${name}
    namespace: ${ns}
    labels: {app: ${name}}
    annotations:
      multicluster-routes.dev/cluster: ${c}
      multicluster-routes.dev/export: "true"${routes}
      internal.config.kubernetes.io/path: '${c}/${ns}/${name}.yaml'
      internal.config.kubernetes.io/index: '0'
  spec:
    ports:
    - name: http
      port: 8080
    - name: grpc
      port: 9090
    selector:
      app: ${name}`);
    }
    for (const { v, c } of versions) {
      lines.push(`- apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: ${name}-${v}
    namespace: ${ns}
    annotations:
      multicluster-routes.dev/cluster: ${c}
      internal.config.kubernetes.io/path: '${c}/${ns}/${name}-${v}.yaml'
      internal.config.kubernetes.io/index: '0'
  spec:
    replicas: 2
    selector:
      matchLabels: {app: ${name}, version: ${v}}
    template:
      metadata:
        labels:
          app: ${name}
          version: ${v} # the version the subsets select
      spec:
        serviceAccountName: ${name}
        containers:
        - name: app
          image: registry.example.com/${name}:${v}
          ports:
          - containerPort: 8080
          env:
          - {name: MODE, value: "0644"}`);
    }
  }
  for (let i = 0; i < configMaps; i++) {
    lines.push(`- # settings of team ${i % 50}
  apiVersion: v1
  kind: ConfigMap
  metadata:
    name: settings-${i}
    namespace: ns${i % 20}
    annotations:
      internal.config.kubernetes.io/path: 'config/settings-${i}.yaml'
      internal.config.kubernetes.io/index: '0'
  data:
    mode: 0644 # octal in YAML 1.1, a string to Kubernetes
    enabled: yes
    level: "3"
    note: |
      free text, kept byte for byte
      line two`);
  }
  lines.push('functionConfig:');
  lines.push('  apiVersion: multicluster-routes.dev/v1alpha1');
  lines.push('  kind: MulticlusterRoutes');
  lines.push('  metadata: {name: bench}');
  lines.push('  spec:');
  lines.push('    clusters:');
  for (let c = 1; c <= clusters; c++) lines.push(`    - {name: cluster${c}, gateway: {address: 10.0.${c}.1}}`);
  return `${lines.join('\n')}\n`;
}
