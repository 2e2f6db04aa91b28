import { Global, Module } from '@nestjs/common';
import { AuthResolver } from './auth.resolver.js';
import { AuthService } from './auth.service.js';
import { TokenService } from './token.service.js';

@Global()
@Module({ providers: [TokenService, AuthService, AuthResolver], exports: [AuthService, TokenService] })
export class AuthModule {}
