import { Injectable } from '@nestjs/common';
import { NotFoundError } from '../../core/errors/domain-error.js';
import { DataElementAggregation, DataValueType } from './data-element.entity.js';
import {
  DataElementModel,
  IndicatorModel,
  ObstacleCategoryModel,
  RecommendationFilterInput,
  RecommendationModel,
  RecommendationSetModel,
  TargetFilterInput,
  TargetModel,
} from './dto/framework.model.js';
import { FrameworkRepository } from './framework.repository.js';
import { IndicatorAggregation, IndicatorUnit } from './indicator.entity.js';

const num = (v: string | null): number | null => (v === null ? null : Number(v));

@Injectable()
export class FrameworkService {
  constructor(private readonly repo: FrameworkRepository) {}

  obstacleCategories(): Promise<ObstacleCategoryModel[]> {
    return this.repo.obstacleCategories();
  }

  async dataElements(): Promise<DataElementModel[]> {
    return (await this.repo.dataElements()).map((e) => ({
      ...e,
      valueType: e.valueType as DataValueType,
      aggregation: e.aggregation as DataElementAggregation,
    }));
  }

  async indicators(codes: string[] | null = null): Promise<IndicatorModel[]> {
    const [rows, elements] = await Promise.all([this.repo.indicators(codes), this.repo.dataElements()]);
    const byId = new Map(
      elements.map((e) => [
        e.id,
        { ...e, valueType: e.valueType as DataValueType, aggregation: e.aggregation as DataElementAggregation },
      ]),
    );
    return rows.map((r) => ({
      code: r.code,
      nameTh: r.name_th,
      nameEn: r.name_en,
      descriptionEn: r.description_en,
      unit: r.unit as IndicatorUnit,
      direction: r.direction,
      aggregation: r.aggregation as IndicatorAggregation,
      numerator: byId.get(r.numerator_element_id)!,
      denominator: r.denominator_element_id === null ? null : byId.get(r.denominator_element_id)!,
      multiplier: Number(r.multiplier),
      obstacleCategoryCode: r.obstacle_category_code,
      nationalTarget: num(r.national_target),
      sourceNote: r.source_note,
      sourceCode: r.source_code,
    }));
  }

  async indicator(code: string): Promise<IndicatorModel> {
    const [found] = await this.indicators([code]);
    if (!found) throw new NotFoundError('Indicator', code);
    return found;
  }

  async targets(filter?: TargetFilterInput | null): Promise<TargetModel[]> {
    return (await this.repo.targets(filter ?? {})).map((r) => ({
      indicatorCode: r.indicator_code,
      orgUnitCode: r.org_unit_code,
      fiscalYear: r.fiscal_year,
      value: Number(r.value),
      milestones: [r.q1_milestone, r.q2_milestone, r.q3_milestone, r.q4_milestone].map(num),
      isDemo: r.is_demo,
      sourceCode: r.source_code,
    }));
  }

  recommendationSets(): Promise<RecommendationSetModel[]> {
    return this.repo.recommendationSets();
  }

  recommendations(filter?: RecommendationFilterInput | null): Promise<RecommendationModel[]> {
    return this.repo.recommendations(filter ?? {});
  }
}
