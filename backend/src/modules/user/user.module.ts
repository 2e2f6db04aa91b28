import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { OidcService } from './oidc.service.js';
import { UserHttpController } from './user-http.controller.js';
import { UserImportService } from './user-import.service.js';
import { UserPasswordService } from './user-password.service.js';
import { UserResolver } from './user.resolver.js';
import { UserService } from './user.service.js';

/** Accounts: administration, passwords, CSV import and OpenID Connect sign-in. (UserRepository comes from AuthModule.) */
@Module({
  imports: [AuditModule],
  controllers: [UserHttpController],
  providers: [UserService, UserPasswordService, UserImportService, OidcService, UserResolver],
})
export class UserModule {}
