import { Injectable } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { REPO_ROOT } from '../../core/paths.js';

export const DEMO_META_KEY = 'demo';

export interface DemoMeta {
  loadedAt: string;
  asOf: string;
  seed: number;
  scale: number;
  localOrganizations: number;
  dataValues: number;
}

const VERSION: string = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')).version;

@Injectable()
export class SystemService {
  constructor(private readonly db: DataSource) {}

  version(): string {
    return VERSION;
  }

  async demoMeta(): Promise<DemoMeta | null> {
    const rows: Array<{ value: DemoMeta }> = await this.db.query(`SELECT value FROM app_meta WHERE key = $1`, [
      DEMO_META_KEY,
    ]);
    return rows[0]?.value ?? null;
  }

  async ping(): Promise<void> {
    await this.db.query('SELECT 1');
  }
}
