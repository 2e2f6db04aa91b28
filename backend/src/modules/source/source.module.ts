import { Global, Module } from '@nestjs/common';
import { LoaderFactory } from '../../core/graphql/loaders.js';
import { SourceResolver } from './source.resolver.js';
import { SourceService } from './source.service.js';

@Global()
@Module({
  providers: [SourceService, SourceResolver, LoaderFactory],
  exports: [SourceService, LoaderFactory],
})
export class SourceModule {}
