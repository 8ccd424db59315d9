# SRO Desk: build, then run as a non-root user. Documented in docs/OPERATIONS.md (not built in CI: no runtime there).
FROM node:20-bookworm-slim AS build
WORKDIR /opt/srodesk
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 DATA_DIR=/var/lib/srodesk
RUN groupadd --system srodesk && useradd --system --gid srodesk --home /var/lib/srodesk srodesk \
  && mkdir -p /var/lib/srodesk && chown srodesk:srodesk /var/lib/srodesk
WORKDIR /opt/srodesk
# tsx and the migrations run from sources (npm run migrate); web/src/app is read for the page routes (404s).
COPY --from=build --chown=root:root /opt/srodesk /opt/srodesk
USER srodesk
VOLUME /var/lib/srodesk
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=3s CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/api/health/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "dist/server/main.js"]
