import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { FRONTEND_DIST_DIR } from '../paths.js';

/** The built dashboard at `/` beside the API, one port; unknown GET paths fall back to the SPA. */
export function configureHttp(app: NestExpressApplication, distDir = FRONTEND_DIST_DIR): void {
  app.disable('x-powered-by');
  const index = join(distDir, 'index.html');
  if (!existsSync(index)) {
    console.warn(`[digigov] no built dashboard in ${distDir}: run "npm run build" (the API still works)`);
    return;
  }
  app.useStaticAssets(distDir, { index: false, maxAge: '1h', immutable: false });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || req.path.startsWith('/graphql') || req.path.startsWith('/health') || req.path.startsWith('/api/') || req.path.startsWith('/explorer') || req.path.includes('.')) {
      return next();
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}
