import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SourceModel } from './dto/source.model.js';
import { SourceEntity } from './source.entity.js';

/** Sources are a few dozen rows that change only with reference data; one query serves a request's lookups. */
@Injectable()
export class SourceService {
  constructor(private readonly db: DataSource) {}

  async all(): Promise<SourceModel[]> {
    return this.db.getRepository(SourceEntity).find({ order: { code: 'ASC' } });
  }

  async byCodes(codes: readonly string[]): Promise<Map<string, SourceModel>> {
    const unique = [...new Set(codes)];
    if (unique.length === 0) return new Map();
    const rows = await this.db
      .getRepository(SourceEntity)
      .createQueryBuilder('s')
      .where('s.code = ANY(:codes)', { codes: unique })
      .getMany();
    return new Map(rows.map((r) => [r.code, r]));
  }
}
