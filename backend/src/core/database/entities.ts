import { IndicatorRollupEntity } from '../../modules/analytics/indicator-rollup.entity.js';
import { ApiTokenEntity } from '../../modules/auth/api-token.entity.js';
import { LoginThrottleEntity } from '../../modules/auth/login-throttle.entity.js';
import { UserSessionEntity } from '../../modules/auth/user-session.entity.js';
import { AuditEventEntity } from '../../modules/audit/audit-event.entity.js';
import { ActionItemEntity } from '../../modules/framework/action-item.entity.js';
import { DataElementEntity } from '../../modules/framework/data-element.entity.js';
import { IndicatorEntity } from '../../modules/framework/indicator.entity.js';
import { ObstacleCategoryEntity } from '../../modules/framework/obstacle-category.entity.js';
import {
  RecommendationEntity,
  RecommendationIndicatorEntity,
  RecommendationObstacleCategoryEntity,
  RecommendationSetEntity,
} from '../../modules/framework/recommendation.entity.js';
import { TargetEntity } from '../../modules/framework/target.entity.js';
import {
  OrgUnitGroupEntity,
  OrgUnitGroupMemberEntity,
  OrgUnitGroupSetEntity,
} from '../../modules/org-unit/org-unit-group.entity.js';
import { OrgUnitEntity } from '../../modules/org-unit/org-unit.entity.js';
import { FiscalQuarterEntity } from '../../modules/period/fiscal-quarter.entity.js';
import { FiscalYearEntity } from '../../modules/period/fiscal-year.entity.js';
import { PublishedDatasetEntity, PublishedValueEntity } from '../../modules/published/published-dataset.entity.js';
import { DataValueEntity } from '../../modules/report/data-value.entity.js';
import { ObstacleAnswerEntity, ObstacleResponseEntity } from '../../modules/report/obstacle-response.entity.js';
import { ReportEntity } from '../../modules/report/report.entity.js';
import { SourceEntity } from '../../modules/source/source.entity.js';
import { AppMetaEntity } from '../../modules/system/app-meta.entity.js';
import { AppUserEntity } from '../../modules/user/app-user.entity.js';
import { PasswordTokenEntity } from '../../modules/user/password-token.entity.js';

export const ENTITIES = [
  SourceEntity,
  OrgUnitEntity,
  OrgUnitGroupSetEntity,
  OrgUnitGroupEntity,
  OrgUnitGroupMemberEntity,
  FiscalYearEntity,
  FiscalQuarterEntity,
  ObstacleCategoryEntity,
  DataElementEntity,
  IndicatorEntity,
  TargetEntity,
  RecommendationSetEntity,
  RecommendationEntity,
  RecommendationObstacleCategoryEntity,
  RecommendationIndicatorEntity,
  ActionItemEntity,
  ReportEntity,
  ObstacleResponseEntity,
  ObstacleAnswerEntity,
  DataValueEntity,
  PublishedDatasetEntity,
  PublishedValueEntity,
  AppUserEntity,
  AppMetaEntity,
  AuditEventEntity,
  ApiTokenEntity,
  LoginThrottleEntity,
  UserSessionEntity,
  PasswordTokenEntity,
  IndicatorRollupEntity,
];
