# syntax=docker/dockerfile:1
# 政务服务助手 — multi-stage image: dependencies and the generated Prisma client are built in
# the first stage; the final stage has production dependencies only and runs as non-root.

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run typecheck && npm run build

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=3000 \
    DATA_DIR=/data
WORKDIR /app
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
# --ignore-scripts: the generated client is copied from the build stage instead of generated here.
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
# src/ stays beside dist/: the bundle reads the data files kept next to the sources (synonyms,
# the generated Prisma client's location), and the admin scripts run from source through tsx.
COPY --from=build /app/src ./src
COPY --from=build /app/guides ./guides
COPY --from=build /app/templates ./templates
COPY --from=build /app/models ./models
RUN groupadd --system app && useradd --system --gid app --home /app app \
    && mkdir -p /data && chown app:app /data
USER app
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# The bundle `npm run build` made (scripts/build.ts), as `npm start` runs it.
CMD ["node", "--enable-source-maps", "--expose-gc", "dist/main.mjs"]
