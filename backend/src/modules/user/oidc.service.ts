import { Inject, Injectable, Logger } from '@nestjs/common';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import * as oidc from 'openid-client';
import type { AppConfig, OidcConfig } from '../../core/config/app-config.js';
import { APP_CONFIG } from '../../core/config/config.module.js';
import { CLOCK, type Clock } from '../../core/clock.js';
import type { Role } from '../../core/auth/actor.js';
import { AuthService } from '../auth/auth.service.js';
import { clientKey } from '../../core/http/client-address.js';
import { UserRepository } from './user.repository.js';
import { UserService } from './user.service.js';

export const OIDC_START_PATH = '/api/auth/oidc/start';
export const OIDC_COOKIE = 'dgm_oidc';
/** How long the browser may take at the provider before the sign-in must start again. */
const FLOW_SECONDS = 600;
/** When a claim lists several roles, the most capable one the map knows wins: the agency granted them all. */
const ROLE_ORDER: readonly Role[] = ['ADMIN', 'PLANNER', 'OFFICER', 'ANALYST'];

/** Why an OIDC sign-in did not end in a session; the login page shows a message per code. */
export type OidcFailure =
  | 'FLOW_EXPIRED'
  | 'PROVIDER_REFUSED'
  | 'NO_EMAIL'
  | 'NO_ACCOUNT'
  | 'NO_ROLE'
  | 'NO_PROVINCE'
  | 'ACCOUNT_DISABLED'
  | 'ACCOUNT_BOUND_ELSEWHERE';

export class OidcSignInError extends Error {
  constructor(
    readonly code: OidcFailure,
    message: string,
  ) {
    super(message);
  }
}

interface FlowState {
  verifier: string;
  state: string;
  nonce: string;
}

/**
 * Sign-in through the agency's OpenID Connect provider: authorization code flow with PKCE, state and nonce
 * (openid-client checks them, the ID token's signature and the issuer). The state lives in a short-lived signed
 * cookie, not on the server, so any replica can finish a flow another one started. The result is the product's own
 * session token, the same as a password sign-in.
 */
@Injectable()
export class OidcService {
  private readonly logger = new Logger(OidcService.name);
  private discovered: Promise<oidc.Configuration> | null = null;
  private readonly key: Uint8Array;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UserRepository,
    private readonly accounts: UserService,
    private readonly auth: AuthService,
    @Inject(CLOCK) private readonly now: Clock,
  ) {
    this.key = new TextEncoder().encode(`oidc-flow:${config.auth.tokenSecret}`);
  }

  option(): { label: string; startPath: string } | null {
    return this.config.oidc ? { label: this.config.oidc.label, startPath: OIDC_START_PATH } : null;
  }

  private settings(): OidcConfig {
    if (!this.config.oidc) throw new OidcSignInError('PROVIDER_REFUSED', 'OpenID Connect is not configured');
    return this.config.oidc;
  }

  /** The provider's metadata, fetched once (and again after a failure, so a provider that was down is retried). */
  private configuration(): Promise<oidc.Configuration> {
    const s = this.settings();
    this.discovered ??= oidc
      .discovery(
        new URL(s.issuer),
        s.clientId,
        undefined,
        s.clientSecret ? oidc.ClientSecretBasic(s.clientSecret) : oidc.None(),
        {
          execute: s.allowInsecure ? [oidc.allowInsecureRequests] : [],
          timeout: 10,
        },
      )
      .catch((err: unknown) => {
        this.discovered = null;
        throw err;
      });
    return this.discovered;
  }

  /** Where to send the browser, and the signed cookie that carries the flow's secrets until the callback. */
  async start(): Promise<{ url: string; cookie: string; maxAgeMs: number; secure: boolean }> {
    const s = this.settings();
    const config = await this.configuration();
    const flow: FlowState = {
      verifier: oidc.randomPKCECodeVerifier(),
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
    };
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: s.redirectUri,
      scope: s.scope,
      code_challenge: await oidc.calculatePKCECodeChallenge(flow.verifier),
      code_challenge_method: 'S256',
      state: flow.state,
      nonce: flow.nonce,
    });
    const iat = Math.floor(this.now().getTime() / 1000);
    const cookie = await new SignJWT({ ...flow })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuedAt(iat)
      .setExpirationTime(iat + FLOW_SECONDS)
      .sign(this.key);
    return {
      url: url.href,
      cookie,
      maxAgeMs: FLOW_SECONDS * 1000,
      secure: new URL(s.redirectUri).protocol === 'https:',
    };
  }

  /** Finishes the flow: checks the provider's answer, finds or creates the account, and starts a session. */
  async callback(
    query: URLSearchParams,
    cookie: string | undefined,
    ip: string | undefined,
  ): Promise<{ token: string; expiresAt: Date }> {
    const s = this.settings();
    const flow = await this.readFlow(cookie);
    const config = await this.configuration();
    const current = new URL(s.redirectUri);
    current.search = query.toString();
    let claims: Record<string, unknown>;
    try {
      const tokens = await oidc.authorizationCodeGrant(config, current, {
        pkceCodeVerifier: flow.verifier,
        expectedState: flow.state,
        expectedNonce: flow.nonce,
        idTokenExpected: true,
      });
      const idClaims = tokens.claims()!;
      // The role and province claims may come with the ID token or only from the userinfo endpoint: read both.
      const info = tokens.access_token ? await oidc.fetchUserInfo(config, tokens.access_token, idClaims.sub) : {};
      claims = { ...info, ...idClaims };
    } catch (err) {
      this.logger.warn(`OIDC sign-in refused: ${err instanceof Error ? err.message : String(err)}`);
      throw new OidcSignInError('PROVIDER_REFUSED', 'The identity provider did not confirm the sign-in');
    }
    const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : '';
    // An address the provider has not verified could be anyone's, and it is what matches an existing account.
    if (!email || claims.email_verified === false)
      throw new OidcSignInError('NO_EMAIL', 'The identity provider sent no verified e-mail address');
    const subject = `${s.issuer} ${String(claims.sub)}`;
    const address = clientKey(ip);

    let user = await this.users.forOidcSubject(subject);
    if (!user) {
      user = await this.users.forSignIn(email);
      // The first sign-in through the provider binds the account found by e-mail to the provider's subject; an
      // account already bound to another subject is not taken over by whoever holds the address now.
      if (user && !(await this.users.bindOidcSubject(user.id, subject))) {
        throw new OidcSignInError(
          'ACCOUNT_BOUND_ELSEWHERE',
          'This e-mail belongs to an account bound to another identity',
        );
      }
    }
    if (user) {
      if (!user.is_active) throw new OidcSignInError('ACCOUNT_DISABLED', 'This account is deactivated');
    } else {
      const role = this.mapRole(s, claims);
      if (!s.createUsers) throw new OidcSignInError('NO_ACCOUNT', 'No account has this e-mail: ask an administrator');
      if (!role)
        throw new OidcSignInError('NO_ROLE', 'Your agency role gives no access to this product: ask an administrator');
      const provinceCode = role === 'OFFICER' ? this.mapProvince(s, claims) : null;
      if (role === 'OFFICER' && !provinceCode)
        throw new OidcSignInError(
          'NO_PROVINCE',
          'An officer needs a province, and the identity provider sent none that exists',
        );
      const displayName =
        typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim().slice(0, 200) : email.split('@')[0];
      const created = await this.accounts.createFromOidc({ email, displayName, role, provinceCode }, subject);
      if (!created) throw new OidcSignInError('NO_PROVINCE', `No province has the code ${provinceCode}`);
      user = (await this.users.forId(created))!;
    }
    const { token, expiresAt } = await this.auth.startSession(user, { email, address, via: 'oidc' });
    return { token, expiresAt };
  }

  private mapRole(s: OidcConfig, claims: Record<string, unknown>): Role | null {
    if (!s.roleClaim) return null;
    const raw = claims[s.roleClaim];
    const values = (Array.isArray(raw) ? raw : [raw]).filter((v): v is string => typeof v === 'string');
    const roles = values.map((v) => s.roleMap[v]).filter((r): r is Role => r !== undefined);
    return ROLE_ORDER.find((r) => roles.includes(r)) ?? null;
  }

  private mapProvince(s: OidcConfig, claims: Record<string, unknown>): string | null {
    const raw = s.provinceClaim ? claims[s.provinceClaim] : null;
    return typeof raw === 'string' && /^TH-\d{2}$/i.test(raw.trim()) ? raw.trim().toUpperCase() : null;
  }

  private async readFlow(cookie: string | undefined): Promise<FlowState> {
    if (!cookie)
      throw new OidcSignInError('FLOW_EXPIRED', 'The sign-in was not started here or took too long: start again');
    try {
      const { payload } = await jwtVerify(cookie, this.key, { algorithms: ['HS256'], currentDate: this.now() });
      if (
        typeof payload.verifier !== 'string' ||
        typeof payload.state !== 'string' ||
        typeof payload.nonce !== 'string'
      )
        throw new Error('incomplete');
      return { verifier: payload.verifier, state: payload.state, nonce: payload.nonce };
    } catch (err) {
      if (err instanceof joseErrors.JWTExpired)
        throw new OidcSignInError('FLOW_EXPIRED', 'The sign-in took too long: start again');
      throw new OidcSignInError('FLOW_EXPIRED', 'The sign-in was not started here: start again');
    }
  }
}
