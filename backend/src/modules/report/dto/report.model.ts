import { Field, Float, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ActionItemStatus } from '../../framework/action-item.entity.js';
import { FiscalQuarterModel } from '../../period/dto/period.model.js';
import { ReportStatus } from '../report.entity.js';
import { ReportAction } from '../report-state.js';

registerEnumType(ReportStatus, {
  name: 'ReportStatus',
  valuesMap: {
    DRAFT: { description: 'Being filled in by the province' },
    SUBMITTED: { description: 'Sent for approval; read-only for the province' },
    APPROVED: { description: 'Accepted and locked; counted in published analytics' },
    RETURNED: { description: 'Sent back with a reason; the province corrects it as a draft' },
  },
});
registerEnumType(ReportAction, { name: 'ReportAction' });
registerEnumType(ActionItemStatus, { name: 'ActionItemStatus' });

@ObjectType('DataValue', { description: 'One reported figure: data element × org unit × quarter.' })
export class DataValueModel {
  @Field()
  orgUnitCode: string;

  @Field()
  dataElementCode: string;

  @Field(() => Float)
  value: number;

  @Field(() => String, { nullable: true })
  comment: string | null;

  @Field(() => String, { nullable: true })
  evidenceUrl: string | null;

  @Field()
  updatedAt: Date;
}

@ObjectType('ObstacleAnswer')
export class ObstacleAnswerModel {
  @Field()
  categoryCode: string;

  @Field(() => Int, { description: '1 (minor) to 5 (blocking)' })
  severity: number;

  @Field(() => String, { nullable: true })
  note: string | null;
}

@ObjectType('Respondent', {
  description: "One respondent's row in a report: the province itself or one of its local organizations.",
})
export class RespondentModel {
  @Field()
  orgUnitCode: string;

  @Field(() => String, { nullable: true })
  asOfDate: string | null;

  @Field(() => String, { nullable: true })
  obstacleNote: string | null;

  @Field(() => String, { nullable: true })
  evidenceUrl: string | null;

  @Field(() => String, { nullable: true })
  comment: string | null;

  @Field(() => [ObstacleAnswerModel], { description: 'Empty when the respondent cited no obstacle' })
  answers: ObstacleAnswerModel[];
}

@ObjectType('ActionItem')
export class ActionItemModel {
  @Field(() => Int)
  id: number;

  @Field(() => Int)
  fiscalYear: number;

  @Field(() => String, { nullable: true })
  recommendationCode: string | null;

  @Field()
  titleTh: string;

  @Field(() => String, { nullable: true })
  titleEn: string | null;

  @Field(() => ActionItemStatus)
  status: ActionItemStatus;

  @Field(() => String, { nullable: true })
  dueQuarterCode: string | null;

  @Field(() => String, { nullable: true })
  progressNote: string | null;

  @Field()
  isDemo: boolean;
}

@ObjectType('Report', { description: "A province's quarterly submission." })
export class ReportModel {
  @Field(() => Int)
  id: number;

  @Field()
  provinceCode: string;

  @Field()
  provinceNameTh: string;

  @Field()
  provinceNameEn: string;

  @Field(() => FiscalQuarterModel)
  quarter: FiscalQuarterModel;

  @Field(() => ReportStatus)
  status: ReportStatus;

  @Field(() => Int, { description: 'Send it back with every change; a stale version is refused with CONFLICT' })
  version: number;

  @Field(() => Date, { nullable: true })
  submittedAt: Date | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Submitted after the deadline, judged by the latest submission (null unless the report stands submitted or approved)',
  })
  late: boolean | null;

  @Field(() => Date, { nullable: true })
  decidedAt: Date | null;

  @Field(() => String, { nullable: true })
  returnReason: string | null;

  @Field({ description: 'Last day the province may enter data (the quarter window, or a planner\u2019s extension)' })
  entryClosesOn: string;

  @Field({ description: 'Whether the entry window is open today' })
  entryOpen: boolean;

  @Field(() => [ReportAction], { description: 'What the caller may do with the report now' })
  allowedActions: ReportAction[];

  @Field()
  isDemo: boolean;

  provinceId: number;
  quarterId: number;
}

@ObjectType('ValueWarning', {
  description: 'A value far from its unit\u2019s history or peers: confirm it before submitting.',
})
export class ValueWarningModel {
  @Field()
  orgUnitCode: string;

  @Field()
  dataElementCode: string;

  @Field(() => Float)
  value: number;

  @Field(() => Float, { nullable: true })
  expectedLow: number | null;

  @Field(() => Float, { nullable: true })
  expectedHigh: number | null;

  @Field({ description: 'HISTORY or PEERS' })
  basis: string;
}

@ObjectType('SaveReportResult')
export class SaveReportResultModel {
  @Field(() => ReportModel)
  report: ReportModel;

  @Field(() => Int)
  inserted: number;

  @Field(() => Int)
  updated: number;

  @Field(() => Int)
  deleted: number;

  @Field(() => Int)
  unchanged: number;

  @Field(() => [ValueWarningModel])
  warnings: ValueWarningModel[];
}

@InputType('DataValueInput')
export class DataValueInput {
  @Field()
  orgUnitCode: string;

  @Field()
  dataElementCode: string;

  @Field(() => Float, { nullable: true, description: 'null removes the value' })
  value: number | null;

  @Field(() => String, { nullable: true })
  comment?: string | null;

  @Field(() => String, { nullable: true })
  evidenceUrl?: string | null;
}

@InputType('ObstacleAnswerInput')
export class ObstacleAnswerInput {
  @Field()
  categoryCode: string;

  @Field(() => Int)
  severity: number;

  @Field(() => String, { nullable: true })
  note?: string | null;
}

@InputType('RespondentInput', { description: "Replaces the respondent's obstacle answers and row details" })
export class RespondentInput {
  @Field()
  orgUnitCode: string;

  @Field(() => [ObstacleAnswerInput])
  answers: ObstacleAnswerInput[];

  @Field(() => String, { nullable: true })
  asOfDate?: string | null;

  @Field(() => String, { nullable: true })
  obstacleNote?: string | null;

  @Field(() => String, { nullable: true })
  evidenceUrl?: string | null;

  @Field(() => String, { nullable: true })
  comment?: string | null;
}

@InputType('ActionItemUpdateInput')
export class ActionItemUpdateInput {
  @Field(() => Int)
  id: number;

  @Field(() => ActionItemStatus)
  status: ActionItemStatus;

  @Field(() => String, { nullable: true })
  progressNote?: string | null;
}

@InputType('SaveReportInput')
export class SaveReportInput {
  @Field()
  provinceCode: string;

  @Field()
  quarterCode: string;

  @Field(() => Int, {
    nullable: true,
    description: 'The version you edited; null only when the report does not exist yet',
  })
  version: number | null;

  @Field(() => [DataValueInput], { nullable: true })
  values?: DataValueInput[] | null;

  @Field(() => [RespondentInput], { nullable: true })
  respondents?: RespondentInput[] | null;

  @Field(() => [ActionItemUpdateInput], { nullable: true })
  actionItems?: ActionItemUpdateInput[] | null;

  @Field(() => String, { nullable: true, description: 'Why, recorded in the audit trail' })
  reason?: string | null;
}

@InputType('ReportDecisionInput')
export class ReportDecisionInput {
  @Field(() => Int)
  reportId: number;

  @Field(() => Int)
  version: number;

  @Field(() => String, { nullable: true, description: 'Required to return or reopen' })
  reason?: string | null;

  @Field({ defaultValue: false, description: 'Submit although some values are flagged as unusual' })
  confirmWarnings: boolean;
}

@InputType('ExtendEntryWindowInput')
export class ExtendEntryWindowInput {
  @Field()
  provinceCode: string;

  @Field()
  quarterCode: string;

  @Field({ description: 'New last day of entry (ISO date)' })
  until: string;

  @Field(() => String, { nullable: true })
  reason?: string | null;
}

@InputType('ReportFilter')
export class ReportFilterInput {
  @Field(() => String, { nullable: true })
  quarterCode?: string | null;

  @Field(() => ReportStatus, { nullable: true })
  status?: ReportStatus | null;

  @Field(() => String, { nullable: true })
  provinceCode?: string | null;

  @Field(() => String, { nullable: true })
  regionCode?: string | null;
}

@ObjectType('ReportPage')
export class ReportPageModel {
  @Field(() => [ReportModel])
  items: ReportModel[];

  @Field(() => Int)
  totalCount: number;

  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page; null on the last page' })
  nextCursor: string | null;
}
