# syntax=docker/dockerfile:1
# 政务服务助手 — multi-stage image. The build stage has everything (sources, tsx, esbuild, the
# Prisma CLI) and makes the bundles; the runtime stage has only the bundles, the production
# packages they import, the migrations and the shipped data, and runs as the image's non-root
# `node` user.
#
# Base: Node.js 24 LTS ("Krypton", supported until 2028-04-30) on Debian 13 (trixie) slim —
# Node 20 left support on 2026-04-30, and Debian 12 (bookworm) left regular security support
# on 2026-06-10. Pinned by its full version tag; to pin the digest as well, build with
# --build-arg NODE_IMAGE=node:24.20.0-trixie-slim@sha256:<digest from `docker buildx imagetools
# inspect node:24.20.0-trixie-slim`> (the registry could not be reached where this file was
# written, so no digest is committed that nobody checked).
ARG NODE_IMAGE=node:24.20.0-trixie-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
RUN npm ci --no-audit --no-fund
COPY . .
# The service and the operators' jobs (db-migrate, guides-import, wechat-menu,
# applications-import) become dist/*.mjs: scripts/build.ts.
RUN npm run typecheck && npm run build

# Production packages without the build tools: tsx, esbuild and the Prisma CLI are needed only
# to build (the generated client is bundled; migrations are applied by the service itself,
# src/platform/db/migrate.ts). --ignore-scripts: no postinstall generates anything here.
FROM ${NODE_IMAGE} AS runtime-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm pkg delete dependencies.tsx dependencies.esbuild dependencies.prisma scripts.postinstall scripts.prestart \
    && npm ci --omit=dev --ignore-scripts --no-audit --no-fund \
    && npm cache clean --force

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    PORT=3000 \
    HOST=0.0.0.0 \
    DATA_DIR=/data
WORKDIR /app
COPY --from=runtime-deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# Files the bundles read beside their sources' old places (scripts/build.ts keeps the paths).
COPY --from=build /app/prisma/migrations ./prisma/migrations
COPY --from=build /app/src/search/*.yaml ./src/search/
COPY --from=build /app/src/console/assets ./src/console/assets
COPY --from=build /app/guides ./guides
COPY --from=build /app/templates ./templates
COPY --from=build /app/models ./models
COPY --from=build /app/config ./config
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=3s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# Migrations are applied at start (advisory-locked, so several instances may start together);
# `docker compose run --rm web node dist/db-migrate.mjs` applies them alone.
CMD ["node", "--enable-source-maps", "--expose-gc", "dist/main.mjs"]
