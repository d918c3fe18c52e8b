# syntax=docker/dockerfile:1
# Syncline worker image: the Temporal worker for task queue "syncs" (workflows/ + activities/).
# Build from the repository root:  docker build -f deploy/docker/worker.Dockerfile -t syncline-worker .
# TypeScript runs through @swc-node/register (a production dependency), the same way `npm start` runs it,
# so the image executes exactly the code the tests exercise. Workflows are pre-bundled at build time.
ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
# The whole workspace (minus .dockerignore): npm ci needs every workspace package.json the lockfile names.
COPY . .
RUN npm ci --omit=dev --no-audit --no-fund \
 && node -r @swc-node/register services/worker/src/cli/bundle-workflows.ts dist/workflow-bundle.js \
 && npm cache clean --force

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    WORKFLOW_BUNDLE_PATH=/app/dist/workflow-bundle.js \
    WORKER_HTTP_PORT=9464 \
    TEMPORAL_METRICS_PORT=9465
WORKDIR /app
COPY --from=build --chown=1000:1000 /app /app
# The base image's unprivileged "node" user, by number so Kubernetes can verify runAsNonRoot.
USER 1000:1000
EXPOSE 9464
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.WORKER_HTTP_PORT||9464)+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# Exec form: node is PID 1 and receives SIGTERM itself, so in-flight activities checkpoint before exit.
CMD ["node", "-r", "@swc-node/register", "services/worker/src/main.ts"]
