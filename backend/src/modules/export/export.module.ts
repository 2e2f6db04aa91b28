import { Module } from '@nestjs/common';
import { AppGraphQLModule } from '../../core/graphql/graphql.module.js';
import { ExportController } from './export.controller.js';

@Module({ imports: [AppGraphQLModule], controllers: [ExportController] })
export class ExportModule {}
