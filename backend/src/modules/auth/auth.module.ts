import { Global, Module } from '@nestjs/common';
import { ApiTokenResolver } from './api-token.resolver.js';
import { ApiTokenService } from './api-token.service.js';
import { AuthResolver } from './auth.resolver.js';
import { AuthService } from './auth.service.js';
import { TokenService } from './token.service.js';

@Global()
@Module({ providers: [TokenService, ApiTokenService, AuthService, AuthResolver, ApiTokenResolver], exports: [AuthService, TokenService] })
export class AuthModule {}
