import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { clientLimits } from './client-limits.js';
import { existsSync, readdirSync } from 'node:fs';
import { extname, join, relative, resolve, sep } from 'node:path';
import { configureGraphqlHttp } from '../graphql/http-edge.js';
import { FRONTEND_DIST_DIR } from '../paths.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/app-config.js';
import { logger } from '../observability/logger.js';
import { RequestObserver } from '../observability/request-observer.js';

/**
 * Security headers on every answer (helmet). Scripts come only from this origin, never inline: the dashboard is
 * a Vite build of external modules and the explorer's start-up code is a file too, so no hash is needed. Styles
 * allow inline because ECharts and Vue set element styles. HSTS only when the operator says the app is behind
 * TLS: on plain HTTP (development, an intranet) it would lock browsers out.
 */
export function securityHeaders(hsts: boolean) {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(hsts ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity: hsts ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    xFrameOptions: { action: 'deny' },
    crossOriginEmbedderPolicy: false,
  });
}

/** The built dashboard at `/` beside the API, one port; unknown GET paths fall back to the SPA. */
export function configureHttp(app: NestExpressApplication, distDir = FRONTEND_DIST_DIR): void {
  app.disable('x-powered-by');
  // First: every request gets its id, its log line and its metrics, refusals by the middleware below included.
  app.use(app.get(RequestObserver).middleware());
  const config = app.get<AppConfig>(APP_CONFIG);
  app.use(clientLimits(config.clientLimits));
  app.use(securityHeaders(config.hsts));
  configureGraphqlHttp(app);
  const index = join(distDir, 'index.html');
  if (!existsSync(index)) {
    logger().warn({ distDir }, 'no built dashboard: run "npm run build" (the API still works)');
    return;
  }
  app.use(precompressedAssets(distDir));
  app.useStaticAssets(distDir, {
    index: false,
    setHeaders: (res, path) => res.setHeader('Cache-Control', cacheControlOf(distDir, path)),
  });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (
      req.method !== 'GET' ||
      req.path.startsWith('/graphql') ||
      req.path.startsWith('/health') ||
      req.path === '/metrics' ||
      req.path.startsWith('/api/') ||
      req.path.startsWith('/explorer') ||
      req.path.includes('.')
    ) {
      return next();
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}

/**
 * Files under assets/ carry a content hash in their name (Vite): a new build makes new names, so they never
 * go stale. The page itself names those files, so it is always revalidated.
 */
function cacheControlOf(distDir: string, path: string): string {
  const rel = relative(resolve(distDir), resolve(path)).split(sep).join('/');
  if (rel === 'index.html') return 'no-cache';
  return rel.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'public, max-age=3600';
}

const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

/**
 * Sends the Brotli or gzip copy that the build wrote beside a file (frontend/build/vite-plugin-precompress.ts)
 * when the browser accepts it: no compression work per request. Anything else falls through to the plain files.
 */
function precompressedAssets(distDir: string) {
  const root = resolve(distDir);
  // The build does not change while the server runs: which copies exist is read once, not per request.
  const copies = new Set(
    readdirSync(root, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.br') || f.endsWith('.gz'))
      .map((f) => join(root, f)),
  );
  return (req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !/\.(js|mjs|css|html|svg|json)$/.test(req.path))
      return next();
    let file: string;
    try {
      file = resolve(root, `.${decodeURIComponent(req.path)}`);
    } catch {
      return next();
    }
    if (!file.startsWith(root + sep)) return next();
    // The answer depends on the request's Accept-Encoding, compressed or not: caches must keep them apart.
    res.setHeader('Vary', 'Accept-Encoding');
    // Our preference (Brotli is smaller), not the header's order: browsers list gzip first.
    const encoding = ENCODINGS.find((e) => req.acceptsEncodings(e.name) === e.name && copies.has(file + e.suffix));
    if (!encoding) return next();
    res.setHeader('Content-Encoding', encoding.name);
    res.setHeader('Cache-Control', cacheControlOf(root, file));
    res.type(extname(file));
    res.sendFile(file + encoding.suffix, { cacheControl: false }, (err) => {
      if (err) next(err);
    });
  };
}
