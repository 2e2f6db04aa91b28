import { Controller, Get, Logger, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError, ErrorCode } from '../../core/errors/domain-error.js';
import { sendDomainError } from '../../core/http/http-error.js';
import { AuthService } from '../auth/auth.service.js';
import { OIDC_COOKIE, OidcService, OidcSignInError } from './oidc.service.js';
import { USER_IMPORT_LIMITS, UserImportService } from './user-import.service.js';

const OIDC_COOKIE_PATH = '/api/auth/oidc';

function cookieValue(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

/**
 * The parts of accounts that are not GraphQL: a CSV upload (a file, like the report import) and the browser
 * redirects of an OpenID Connect sign-in.
 */
@Controller('api')
export class UserHttpController {
  private readonly logger = new Logger(UserHttpController.name);

  constructor(
    private readonly imports: UserImportService,
    private readonly oidc: OidcService,
    private readonly auth: AuthService,
  ) {}

  /** POST the CSV as the body; ?dryRun=false to create the accounts (a dry run is the default). */
  @Post('users/import')
  async importUsers(
    @Req() req: Request,
    @Res() res: Response,
    @Query('dryRun') dryRun: string | undefined,
  ): Promise<void> {
    try {
      const { actor } = await this.auth.actorFromRequest(req);
      const length = Number(req.headers['content-length'] ?? 0);
      if (length > USER_IMPORT_LIMITS.maxBytes) {
        throw new DomainError(
          ErrorCode.BAD_USER_INPUT,
          `The file is larger than ${USER_IMPORT_LIMITS.maxBytes / 1e6} MB`,
          [{ code: 'FILE_TOO_LARGE', message: 'File too large' }],
        );
      }
      const result = await this.imports.run(actor, req as AsyncIterable<Buffer>, dryRun !== 'false');
      res.status(200).setHeader('Cache-Control', 'no-store').json(result);
    } catch (err) {
      // Refused before the whole body arrived (too large, not allowed): drain what still comes, and tell the client
      // not to reuse this connection, whose request it is still sending (RFC 9112, 9.6).
      if (!req.complete) res.setHeader('Connection', 'close');
      req.resume();
      if (sendDomainError(res, err)) return;
      this.logger.error(err);
      res.status(500).json({ code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' });
    }
  }

  /** Starts a sign-in at the agency's identity provider. */
  @Get('auth/oidc/start')
  async oidcStart(@Res() res: Response): Promise<void> {
    try {
      const { url, cookie, maxAgeMs, secure } = await this.oidc.start();
      // SameSite=Lax: the provider's redirect back is a top-level navigation, which carries Lax cookies.
      res.cookie(OIDC_COOKIE, cookie, {
        httpOnly: true,
        sameSite: 'lax',
        secure,
        path: OIDC_COOKIE_PATH,
        maxAge: maxAgeMs,
      });
      res.redirect(303, url);
    } catch (err) {
      this.logger.warn(`OIDC start failed: ${err instanceof Error ? err.message : String(err)}`);
      res.redirect(303, '/login#oidc_error=PROVIDER_REFUSED');
    }
  }

  /**
   * The provider's answer. The session token goes to the dashboard in the URL fragment, which browsers never send
   * to a server (nor in a Referer); the login page reads it and removes it from the address bar at once.
   */
  @Get('auth/oidc/callback')
  async oidcCallback(@Req() req: Request, @Res() res: Response): Promise<void> {
    res.clearCookie(OIDC_COOKIE, { path: OIDC_COOKIE_PATH });
    res.setHeader('Cache-Control', 'no-store');
    try {
      const query = new URLSearchParams(req.url.split('?')[1] ?? '');
      const { token, expiresAt } = await this.oidc.callback(query, cookieValue(req, OIDC_COOKIE), req.ip);
      res.redirect(
        303,
        `/login#oidc_token=${encodeURIComponent(token)}&expires=${encodeURIComponent(expiresAt.toISOString())}`,
      );
    } catch (err) {
      if (err instanceof OidcSignInError) {
        res.redirect(303, `/login#oidc_error=${err.code}`);
        return;
      }
      this.logger.error(err);
      res.redirect(303, '/login#oidc_error=PROVIDER_REFUSED');
    }
  }
}
