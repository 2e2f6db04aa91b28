import { Module } from '@nestjs/common';
import { PublishedResolver } from './published.resolver.js';
import { PublishedService } from './published.service.js';

@Module({ providers: [PublishedService, PublishedResolver] })
export class PublishedModule {}
