# syntax=docker/dockerfile:1
# cruxbot: the compiled bot (dist/) on Node 20, as a non-root user. See docs/deploy.md.
#
#   docker build -t cruxbot .
#   docker run --env-file .env -p 3000:3000 -v cruxbot-data:/data cruxbot
#
# Every stage starts from the same base image, so better-sqlite3's native module is compiled (or its
# prebuilt binary fetched) for exactly the platform, C library and Node ABI the runtime stage runs.
ARG NODE_IMAGE=node:20-bookworm-slim

# --- production dependencies only: compiled here, copied into the runtime stage ------------------------
FROM ${NODE_IMAGE} AS prod-deps
# Build tools for better-sqlite3 when no prebuilt binary can be downloaded for this platform.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund \
 && npm cache clean --force

# --- build: every dependency, then tsc to dist/ ----------------------------------------------------------
FROM prod-deps AS build
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY bin ./bin
COPY commands ./commands
COPY src ./src
COPY data/demo ./data/demo
RUN npm run build

# --- runtime: node_modules without dev dependencies, dist/, nothing else --------------------------------
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    PORT=3000 \
    DATABASE_PATH=/data/cruxbot.db
WORKDIR /app
COPY --from=prod-deps --chown=root:root /app/node_modules ./node_modules
COPY --from=build --chown=root:root /app/dist ./dist
# The SQLite file's folder (unused with DATABASE_URL): the only place the bot writes, owned by its user.
RUN mkdir -p /data && chown node:node /data
VOLUME ["/data"]
# The image's own unprivileged user (uid 1000); the code and node_modules stay read-only to it.
USER node
EXPOSE 3000
# No curl in the slim image: Node's fetch asks /health (200 while serving; 503 stopping or degraded).
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Node is PID 1 and handles SIGTERM itself: stops taking requests, finishes those in flight, closes the database.
STOPSIGNAL SIGTERM
CMD ["node", "dist/src/main.js"]
