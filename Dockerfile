# Production image: the built API and dashboard on one port, against an external PostgreSQL (DATABASE_URL).
# Node 22, a maintained LTS line (the app itself runs on >=20.19; 20 leaves maintenance in April 2026).
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY backend/package.json backend/
COPY frontend/package.json frontend/
COPY seed/package.json seed/
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

# The server's run-time packages only: the backend and seed workspaces without their development dependencies.
# The dashboard's packages (it is served as built files) and the embedded PostgreSQL (a development convenience
# of about 100 MB; production uses DATABASE_URL) stay out of the image. No install script is needed at run time.
FROM node:22-bookworm-slim AS runtime-deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY backend/package.json backend/
COPY frontend/package.json frontend/
COPY seed/package.json seed/
RUN npm ci --omit=dev --workspace backend --workspace seed --ignore-scripts --no-audit --no-fund

FROM node:22-bookworm-slim
ENV NODE_ENV=production PORT=3000
WORKDIR /app
COPY --from=runtime-deps /app/node_modules ./node_modules
COPY --from=build /app/package.json ./
COPY --from=build /app/backend/package.json ./backend/
COPY --from=build /app/backend/dist ./backend/dist
COPY --from=build /app/seed/package.json ./seed/
COPY --from=build /app/seed/dist ./seed/dist
COPY --from=build /app/seed/reference ./seed/reference
COPY --from=build /app/migrations ./migrations
COPY --from=build /app/frontend/dist ./frontend/dist
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# SIGTERM drains the requests in flight for up to SHUTDOWN_GRACE_MS (25 s): give the container longer than that
# to stop (docker stop -t 30, compose stop_grace_period: 30s; Kubernetes' default grace is 30 s).
STOPSIGNAL SIGTERM
# A bounded heap keeps the server within about 300 MB: V8 otherwise grows it lazily under load.
CMD ["node", "--max-old-space-size=192", "--max-semi-space-size=8", "backend/dist/main.js"]
