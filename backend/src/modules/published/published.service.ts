import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NotFoundError } from '../../core/errors/domain-error.js';
import { PublishedDatasetModel } from './dto/published.model.js';
import { PublishedMeasure } from './published-dataset.entity.js';

@Injectable()
export class PublishedService {
  constructor(private readonly db: DataSource) {}

  async datasets(code: string | null = null): Promise<PublishedDatasetModel[]> {
    const rows: Array<{
      code: string;
      title_th: string;
      title_en: string;
      published_on: string | null;
      population: string;
      denominator: number;
      source_code: string;
      values: Array<{
        measureCode: PublishedMeasure;
        count: number;
        denominator: number;
        percentage: number;
        category: {
          code: string;
          labelTh: string;
          labelEn: string;
          sortOrder: number;
          sourceSpelling: string | null;
          sourceCode: string;
        } | null;
      }>;
    }> = await this.db.query(
      `SELECT d.code, d.title_th, d.title_en, d.published_on, d.population, d.denominator, d.source_code,
              COALESCE((SELECT json_agg(json_build_object(
                        'measureCode', v.measure_code, 'count', v.count, 'denominator', v.denominator,
                        'percentage', v.percentage,
                        'category', CASE WHEN c.code IS NULL THEN NULL ELSE json_build_object(
                           'code', c.code, 'labelTh', c.label_th, 'labelEn', c.label_en, 'sortOrder', c.sort_order,
                           'sourceSpelling', c.source_spelling, 'sourceCode', c.source_code) END)
                        ORDER BY v.measure_code, v.count DESC, c.sort_order)
                   FROM published_value v LEFT JOIN obstacle_category c ON c.code = v.category_code
                  WHERE v.dataset_code = d.code), '[]') AS values
         FROM published_dataset d
        WHERE $1::text IS NULL OR d.code = $1
        ORDER BY d.published_on DESC NULLS LAST, d.code`,
      [code],
    );
    return rows.map((r) => ({
      code: r.code,
      titleTh: r.title_th,
      titleEn: r.title_en,
      publishedOn: r.published_on,
      population: r.population,
      denominator: r.denominator,
      sourceCode: r.source_code,
      values: r.values.map((v) => ({
        measureCode: v.measureCode,
        count: v.count,
        denominator: v.denominator,
        percentage: Number(v.percentage),
        obstacleCategory: v.category,
      })),
    }));
  }

  async dataset(code: string): Promise<PublishedDatasetModel> {
    const [found] = await this.datasets(code);
    if (!found) throw new NotFoundError('Published dataset', code);
    return found;
  }
}
