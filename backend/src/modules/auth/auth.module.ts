import { Global, Inject, Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { AppConfig } from '../../core/config/app-config.js';
import { APP_CONFIG } from '../../core/config/config.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { ApiTokenResolver } from './api-token.resolver.js';
import { ApiTokenService } from './api-token.service.js';
import { AuthResolver } from './auth.resolver.js';
import { AuthService } from './auth.service.js';
import { LoginThrottleRepository } from './login-throttle.repository.js';
import { TokenService } from './token.service.js';
import { UserSessionRepository } from './user-session.repository.js';
import { UserRepository } from '../user/user.repository.js';

@Global()
@Module({
  imports: [AuditModule],
  // The user SQL lives in modules/user (UserRepository); it is provided here, where sign-in needs it on every
  // request, and shared with the user module through this global module's exports.
  providers: [
    TokenService,
    ApiTokenService,
    AuthService,
    AuthResolver,
    ApiTokenResolver,
    LoginThrottleRepository,
    UserSessionRepository,
    UserRepository,
  ],
  exports: [AuthService, TokenService, LoginThrottleRepository, UserRepository],
})
export class AuthModule implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The client address (req.ip) is what the sign-in throttle counts, so which proxies may report it is set here,
   * from TRUST_PROXY, for every way the app is started (npm start, tests), before it listens.
   */
  onModuleInit(): void {
    const instance: unknown = this.adapterHost.httpAdapter?.getInstance();
    if (instance && typeof (instance as { set?: unknown }).set === 'function') {
      (instance as { set(name: string, value: unknown): void }).set('trust proxy', this.config.trustProxy);
    }
  }
}
