# syntax=docker/dockerfile:1
# Syncline API image: the NestJS control plane (GraphQL at /graphql, /health, /metrics). The same image
# runs the control-plane migrations (Kubernetes Job, compose "migrate" service):
#   node -r @swc-node/register libs/db/src/migrate.cli.ts
# Build from the repository root:  docker build -f deploy/docker/api.Dockerfile -t syncline-api .
ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
# The whole workspace (minus .dockerignore): npm ci needs every workspace package.json the lockfile names.
COPY . .
RUN npm ci --omit=dev --no-audit --no-fund \
 && npm cache clean --force

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    API_PORT=3000
WORKDIR /app
COPY --from=build --chown=1000:1000 /app /app
# The base image's unprivileged "node" user, by number so Kubernetes can verify runAsNonRoot.
USER 1000:1000
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.API_PORT||3000)+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "-r", "@swc-node/register", "services/api/src/main.ts"]
