import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { SourceService } from '../../modules/source/source.service.js';
import type { Loaders } from './request-context.js';

@Injectable()
export class LoaderFactory {
  constructor(private readonly sources: SourceService) {}

  create(): Loaders {
    return {
      source: new DataLoader(async (codes: readonly string[]) => {
        const found = await this.sources.byCodes(codes);
        return codes.map((c) => found.get(c) ?? null);
      }),
    };
  }
}
