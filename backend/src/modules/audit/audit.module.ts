import { Module } from '@nestjs/common';
import { AuditRepository } from './audit.repository.js';
import { AuditResolver } from './audit.resolver.js';

@Module({ providers: [AuditResolver, AuditRepository], exports: [AuditRepository] })
export class AuditModule {}
