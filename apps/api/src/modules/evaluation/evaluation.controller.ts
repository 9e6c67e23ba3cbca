import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Authorize, CurrentUser } from '../../common/decorators';
import { ProblemResponse } from '../../common/problem.response';
import type { AuthUser } from '../../common/request-context';
import { CallIdParam, CallResponse, toCallResponse } from '../calls/calls.dto';
import { AssignmentsService } from './assignments.service';
import {
  AssignmentIdParam,
  AssignmentPage,
  AssignmentQuery,
  AssignmentResponse,
  AutoAssignDto,
  AutoAssignResponse,
  CallAssignmentPage,
  CallAssignmentQuery,
  CreateAssignmentDto,
  EvaluatorIdParam,
  EvaluatorPage,
  EvaluatorQuery,
  InterestsResponse,
  UpdateInterestsDto,
} from './evaluation.dto';
import { InterestsService } from './interests.service';
import { StartEvaluation } from './start-evaluation';

/** A call's evaluation as officers run it: its start and its assignments. */
@ApiTags('evaluation')
@Controller('v1/calls')
export class EvaluationController {
  constructor(
    private readonly startEvaluation: StartEvaluation,
    private readonly assignments: AssignmentsService,
  ) {}

  @Post(':id/start-evaluation')
  @HttpCode(200)
  @Authorize(
    'evaluations.manage',
    'Start the evaluation of a closed call: every admitted application goes under evaluation',
  )
  @ApiOkResponse({ type: CallResponse })
  @ApiNotFoundResponse({ description: 'NOT_FOUND', type: ProblemResponse })
  @ApiConflictResponse({ description: 'INVALID_STATE (the call is not closed)', type: ProblemResponse })
  @ApiUnprocessableEntityResponse({
    description:
      'ADMISSIBILITY_PENDING: applications still submitted or correction_requested, each named in `errors` (`applications.<id>`)',
    type: ProblemResponse,
  })
  async start(@Param() p: CallIdParam): Promise<CallResponse> {
    return toCallResponse(await this.startEvaluation.execute(p.id));
  }

  @Post(':id/assignments')
  @Authorize('evaluations.manage', 'Assign an evaluator to an application under evaluation of the call')
  @ApiCreatedResponse({ type: AssignmentResponse })
  @ApiBadRequestResponse({
    description: 'VALIDATION_FAILED (applicationId: UNKNOWN_APPLICATION · evaluatorId: NOT_EVALUATOR)',
    type: ProblemResponse,
  })
  @ApiNotFoundResponse({ description: 'NOT_FOUND (the call)', type: ProblemResponse })
  @ApiConflictResponse({
    description:
      'DUPLICATE (the same pair) · INVALID_STATE (the call is not evaluating, the application not under evaluation)',
    type: ProblemResponse,
  })
  @ApiUnprocessableEntityResponse({
    description: "CONFLICT_OF_INTEREST: the evaluator's register lists the entity or a partner entity",
    type: ProblemResponse,
  })
  assign(
    @CurrentUser() user: AuthUser,
    @Param() p: CallIdParam,
    @Body() dto: CreateAssignmentDto,
  ): Promise<AssignmentResponse> {
    return this.assignments.assign(user, p.id, dto);
  }

  @Post(':id/assignments/auto')
  @HttpCode(200)
  @Authorize(
    'evaluations.manage',
    'Top every application under evaluation up to N evaluators, without conflicts, loads balanced; all or nothing',
  )
  @ApiOkResponse({ type: AutoAssignResponse })
  @ApiBadRequestResponse({
    description: 'VALIDATION_FAILED (evaluatorIds[i]: NOT_EVALUATOR)',
    type: ProblemResponse,
  })
  @ApiNotFoundResponse({ description: 'NOT_FOUND (the call)', type: ProblemResponse })
  @ApiConflictResponse({ description: 'INVALID_STATE (the call is not evaluating)', type: ProblemResponse })
  @ApiUnprocessableEntityResponse({
    description:
      'NOT_ENOUGH_EVALUATORS: nothing assigned; `errors` names each application that cannot be covered',
    type: ProblemResponse,
  })
  auto(
    @CurrentUser() user: AuthUser,
    @Param() p: CallIdParam,
    @Body() dto: AutoAssignDto,
  ): Promise<AutoAssignResponse> {
    return this.assignments.auto(user, p.id, dto);
  }

  @Get(':id/assignments')
  @Authorize(
    'evaluations.manage',
    'Every assignment of the call, filtered and paged, with the counts per status and the coverage',
  )
  @ApiOkResponse({ type: CallAssignmentPage })
  @ApiNotFoundResponse({ description: 'NOT_FOUND (the call)', type: ProblemResponse })
  callAssignments(@Param() p: CallIdParam, @Query() q: CallAssignmentQuery): Promise<CallAssignmentPage> {
    return this.assignments.listForCall(p.id, q);
  }
}

/** Assignments one by one: the evaluator's own, every one for officers. */
@ApiTags('evaluation')
@Controller('v1/assignments')
export class AssignmentsController {
  constructor(private readonly assignments: AssignmentsService) {}

  @Get()
  @Authorize(
    ['evaluations.manage', 'evaluations.score'],
    "Assignments: an evaluator's own (always), every one for officers unless `mine=true`",
  )
  @ApiOkResponse({ type: AssignmentPage })
  list(@CurrentUser() user: AuthUser, @Query() q: AssignmentQuery): Promise<AssignmentPage> {
    return this.assignments.list(user, q);
  }

  @Get(':id')
  @Authorize(
    ['evaluations.manage', 'evaluations.score'],
    "One assignment with its application's registry number, title, entity and partner names",
  )
  @ApiOkResponse({ type: AssignmentResponse })
  @ApiNotFoundResponse({ description: "NOT_FOUND (also another evaluator's)", type: ProblemResponse })
  get(@CurrentUser() user: AuthUser, @Param() p: AssignmentIdParam): Promise<AssignmentResponse> {
    return this.assignments.get(user, p.id);
  }

  @Delete(':id')
  @HttpCode(204)
  @Authorize('evaluations.manage', 'Remove an assignment whose sheet is not submitted')
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: 'NOT_FOUND', type: ProblemResponse })
  @ApiConflictResponse({
    description: 'INVALID_STATE (its sheet is submitted, or the evaluator declared a conflict)',
    type: ProblemResponse,
  })
  async remove(@Param() p: AssignmentIdParam): Promise<void> {
    await this.assignments.remove(p.id);
  }
}

/** Evaluators: the officers' workload view and each one's register of interests. */
@ApiTags('evaluation')
@Controller('v1/evaluators')
export class EvaluatorsController {
  constructor(private readonly interests: InterestsService) {}

  @Get()
  @Authorize(
    'evaluations.manage',
    'Users with the evaluator role, with their open and submitted assignments per call',
  )
  @ApiOkResponse({ type: EvaluatorPage })
  list(@Query() q: EvaluatorQuery): Promise<EvaluatorPage> {
    return this.interests.list(q);
  }

  @Get(':userId/interests')
  @Authorize(
    ['evaluations.manage', 'evaluations.score'],
    "An evaluator's register of interests (an evaluator: its own)",
  )
  @ApiOkResponse({ type: InterestsResponse })
  @ApiNotFoundResponse({
    description: "NOT_FOUND (not an evaluator, or another evaluator's)",
    type: ProblemResponse,
  })
  getInterests(@CurrentUser() user: AuthUser, @Param() p: EvaluatorIdParam): Promise<InterestsResponse> {
    return this.interests.get(user, p.userId);
  }

  @Put(':userId/interests')
  @Authorize(
    ['evaluations.manage', 'evaluations.score'],
    "Replace an evaluator's register of interests (send `version`; an evaluator: its own)",
  )
  @ApiOkResponse({ type: InterestsResponse })
  @ApiBadRequestResponse({
    description: 'VALIDATION_FAILED (items[i].entityId: UNKNOWN_ENTITY)',
    type: ProblemResponse,
  })
  @ApiNotFoundResponse({
    description: "NOT_FOUND (not an evaluator, or another evaluator's)",
    type: ProblemResponse,
  })
  @ApiConflictResponse({ description: 'STALE_VERSION', type: ProblemResponse })
  updateInterests(
    @CurrentUser() user: AuthUser,
    @Param() p: EvaluatorIdParam,
    @Body() dto: UpdateInterestsDto,
  ): Promise<InterestsResponse> {
    return this.interests.update(user, p.userId, dto);
  }
}
