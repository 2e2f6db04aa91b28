import { Args, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '../../core/auth/actor.js';
import { CurrentActor } from '../../core/auth/current-actor.decorator.js';
import {
  ActionItemModel,
  DataValueModel,
  ExtendEntryWindowInput,
  ReportDecisionInput,
  ReportFilterInput,
  ReportModel,
  ReportPageModel,
  RespondentModel,
  SaveReportInput,
  SaveReportResultModel,
} from './dto/report.model.js';
import { ReportAction } from './report-state.js';
import { ReportService } from './report.service.js';

@Resolver(() => ReportModel)
export class ReportResolver {
  constructor(private readonly reportService: ReportService) {}

  @Query(() => ReportModel, {
    nullable: true,
    description: "A province's report for a quarter; null when none has been started.",
  })
  report(
    @CurrentActor() actor: Actor | null,
    @Args('provinceCode') provinceCode: string,
    @Args('quarterCode') quarterCode: string,
  ) {
    return this.reportService.report(actor, provinceCode, quarterCode);
  }

  @Query(() => ReportPageModel, {
    description: 'Reports the caller may see, oldest first; planners filter by status for their queue.',
  })
  reports(
    @CurrentActor() actor: Actor | null,
    @Args('filter', { type: () => ReportFilterInput, nullable: true }) filter: ReportFilterInput | null,
    @Args('first', { type: () => Int, defaultValue: 100 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ) {
    return this.reportService.reports(actor, filter, first, after);
  }

  @ResolveField(() => [DataValueModel])
  values(
    @CurrentActor() actor: Actor | null,
    @Parent() r: ReportModel,
    @Args('orgUnitCode', { type: () => String, nullable: true }) orgUnitCode: string | null,
  ) {
    return this.reportService.values(actor, r.id, orgUnitCode);
  }

  @ResolveField(() => [RespondentModel], {
    description: 'Obstacle answers of the province and its local organizations',
  })
  respondents(@CurrentActor() actor: Actor | null, @Parent() r: ReportModel) {
    return this.reportService.respondents(actor, r.id);
  }

  @ResolveField(() => [ActionItemModel], { description: "The province's action items for the report's fiscal year" })
  actionItems(@CurrentActor() actor: Actor | null, @Parent() r: ReportModel) {
    return this.reportService.actionItems(actor, r.id);
  }

  @Mutation(() => SaveReportResultModel, {
    description: "Save values, obstacle answers and action items of a province's quarter (creates the draft).",
  })
  saveReport(@CurrentActor() actor: Actor | null, @Args('input') input: SaveReportInput) {
    return this.reportService.save(actor, input);
  }

  @Mutation(() => ReportModel, { description: 'Send a draft for approval; checks required values and unusual ones.' })
  submitReport(@CurrentActor() actor: Actor | null, @Args('input') input: ReportDecisionInput) {
    return this.reportService.decide(actor, ReportAction.SUBMIT, input);
  }

  @Mutation(() => ReportModel, { description: 'Approve a submitted report (planners); it is then locked.' })
  approveReport(@CurrentActor() actor: Actor | null, @Args('input') input: ReportDecisionInput) {
    return this.reportService.decide(actor, ReportAction.APPROVE, input);
  }

  @Mutation(() => ReportModel, { description: 'Return a submitted report to the province with a reason (planners).' })
  returnReport(@CurrentActor() actor: Actor | null, @Args('input') input: ReportDecisionInput) {
    return this.reportService.decide(actor, ReportAction.RETURN, input);
  }

  @Mutation(() => ReportModel, { description: 'Unlock an approved report, with a reason (planners).' })
  reopenReport(@CurrentActor() actor: Actor | null, @Args('input') input: ReportDecisionInput) {
    return this.reportService.decide(actor, ReportAction.REOPEN, input);
  }

  @Mutation(() => ReportModel, { description: "Extend a province's data-entry window for a quarter (planners)." })
  extendEntryWindow(@CurrentActor() actor: Actor | null, @Args('input') input: ExtendEntryWindowInput) {
    return this.reportService.extendWindow(actor, input);
  }
}
