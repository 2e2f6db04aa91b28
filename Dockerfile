# Production image: the built API and dashboard on one port, against an external PostgreSQL (DATABASE_URL).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY backend/package.json backend/
COPY frontend/package.json frontend/
COPY seed/package.json seed/
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production PORT=3000
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/backend/package.json ./backend/
COPY --from=build /app/backend/dist ./backend/dist
COPY --from=build /app/seed/package.json ./seed/
COPY --from=build /app/seed/dist ./seed/dist
COPY --from=build /app/seed/reference ./seed/reference
COPY --from=build /app/migrations ./migrations
COPY --from=build /app/frontend/dist ./frontend/dist
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# A bounded heap keeps the server within about 300 MB: V8 otherwise grows it lazily under load.
CMD ["node", "--max-old-space-size=192", "--max-semi-space-size=8", "backend/dist/main.js"]
