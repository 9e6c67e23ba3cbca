import { Body, Controller, Get, Header, HttpCode, Param, Post, Query, StreamableFile } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Authorize, CurrentUser } from '../../common/decorators';
import { inlinePdf } from '../../common/pdf';
import { ProblemResponse } from '../../common/problem.response';
import type { AuthUser } from '../../common/request-context';
import { ApplicationIdParam, ApplicationResponse } from './application.dto';
import { ReasonDto } from '../../common/reason.dto';
import {
  ApplicationHistoryResponse,
  CreateRequirementDto,
  ReceiptQuery,
  RequirementIdParam,
  RequirementResponse,
  RequirementResponseDto,
  toRequirementResponse,
} from './requirement.dto';
import { AdmitApplication } from './use-cases/admit-application';
import { AnswerCorrection } from './use-cases/answer-correction';
import { ApplicationHistory } from './use-cases/application-history';
import { DeclareInadmissible } from './use-cases/declare-inadmissible';
import { DeclareWithdrawn } from './use-cases/declare-withdrawn';
import { IssueRegistryReceipt } from './use-cases/issue-registry-receipt';
import { ListRequirements } from './use-cases/list-requirements';
import { RequestCorrection } from './use-cases/request-correction';
import { SubmitApplication } from './use-cases/submit-application';
import { WithdrawApplication } from './use-cases/withdraw-application';

/** Who may read an application: staff (all) or its own entity (the use case checks which one). */
const READERS = ['applications.read', 'applications.apply'] as const;

const NOT_FOUND = {
  description: 'NOT_FOUND: no such application, or not one the caller may see',
  type: ProblemResponse,
};

/** Submission, registry receipt, withdrawal, correction requests, admissibility decisions and history. */
@ApiTags('applications')
@Controller('v1/applications')
export class AdmissibilityController {
  constructor(
    private readonly submitApplication: SubmitApplication,
    private readonly issueReceipt: IssueRegistryReceipt,
    private readonly withdrawApplication: WithdrawApplication,
    private readonly requestCorrection: RequestCorrection,
    private readonly listRequirements: ListRequirements,
    private readonly answerCorrection: AnswerCorrection,
    private readonly admitApplication: AdmitApplication,
    private readonly declareInadmissible: DeclareInadmissible,
    private readonly declareWithdrawn: DeclareWithdrawn,
    private readonly applicationHistory: ApplicationHistory,
  ) {}

  @Post(':id/submit')
  @HttpCode(200)
  @Authorize(
    'applications.apply',
    'Submit a draft of its own entity: every rule of the call in order, then a registry number and the receipt',
  )
  @ApiOkResponse({ type: ApplicationResponse })
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiConflictResponse({ description: 'INVALID_STATE: not a draft', type: ProblemResponse })
  @ApiUnprocessableEntityResponse({
    description:
      'The first broken rule, in this order: CALL_NOT_OPEN or DEADLINE_PASSED, ENTITY_NOT_VALIDATED, ' +
      'PENDING_JUSTIFICATION, APPLICATION_INCOMPLETE, EXECUTION_TOO_LONG, AMOUNT_OVER_CAP, COFINANCING_OVER_LIMIT, ' +
      'BUDGET_MISMATCH, SECTORS_NOT_100, GENDER_MARKER_REQUIRED, MISSING_DOCUMENTS (`errors` names the fields)',
    type: ProblemResponse,
  })
  submit(@CurrentUser() user: AuthUser, @Param() p: ApplicationIdParam): Promise<ApplicationResponse> {
    return this.submitApplication.execute(user, p.id);
  }

  @Get(':id/receipt.pdf')
  @Authorize(READERS, 'The registry receipt (justificant de registre) of a submitted application, as a PDF')
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The PDF', schema: { type: 'string', format: 'binary' } })
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiConflictResponse({ description: 'INVALID_STATE: not submitted yet', type: ProblemResponse })
  @Header('Cache-Control', 'private, no-store')
  async receipt(
    @CurrentUser() user: AuthUser,
    @Param() p: ApplicationIdParam,
    @Query() q: ReceiptQuery,
  ): Promise<StreamableFile> {
    const { fileName, pdf } = await this.issueReceipt.execute(user, p.id, q.lang);
    return inlinePdf(fileName, pdf);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @Authorize(
    'applications.apply',
    'Withdraw a submitted application of its own entity (the officers are told)',
  )
  @ApiOkResponse({ type: ApplicationResponse })
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiConflictResponse({
    description: 'INVALID_STATE: not submitted or correction_requested',
    type: ProblemResponse,
  })
  withdraw(@CurrentUser() user: AuthUser, @Param() p: ApplicationIdParam): Promise<ApplicationResponse> {
    return this.withdrawApplication.execute(user, p.id);
  }

  @Post(':id/requirements')
  @Authorize(
    'applications.manage',
    "Send a correction request (requeriment d'esmena): due `correctionDays` business days after notification",
  )
  @ApiCreatedResponse({ type: RequirementResponse })
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiConflictResponse({
    description: 'INVALID_STATE: not submitted, or a correction request is still open',
    type: ProblemResponse,
  })
  @ApiUnprocessableEntityResponse({
    description: 'CALENDAR_MISSING: the due date would fall in a year whose holidays have not been entered',
    type: ProblemResponse,
  })
  async createRequirement(
    @CurrentUser() user: AuthUser,
    @Param() p: ApplicationIdParam,
    @Body() dto: CreateRequirementDto,
  ): Promise<RequirementResponse> {
    return toRequirementResponse(await this.requestCorrection.execute(user, p.id, dto));
  }

  @Get(':id/requirements')
  @Authorize(READERS, 'The correction requests of an application, oldest first')
  @ApiOkResponse({ type: [RequirementResponse] })
  @ApiNotFoundResponse(NOT_FOUND)
  async requirements(
    @CurrentUser() user: AuthUser,
    @Param() p: ApplicationIdParam,
  ): Promise<RequirementResponse[]> {
    return (await this.listRequirements.execute(user, p.id)).map(toRequirementResponse);
  }

  @Post(':id/requirements/:requirementId/response')
  @HttpCode(200)
  @Authorize(
    'applications.apply',
    'Answer a correction request, with documents uploaded first; accepted even late until desistiment is declared',
  )
  @ApiOkResponse({
    type: RequirementResponse,
    description: 'The answered request; the application is submitted again',
  })
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiConflictResponse({
    description: 'INVALID_STATE: the application is not correction_requested or the request is not open',
    type: ProblemResponse,
  })
  async respond(
    @CurrentUser() user: AuthUser,
    @Param() p: RequirementIdParam,
    @Body() dto: RequirementResponseDto,
  ): Promise<RequirementResponse> {
    return toRequirementResponse(await this.answerCorrection.execute(user, p.id, p.requirementId, dto));
  }

  @Post(':id/admit')
  @HttpCode(200)
  @Authorize('applications.manage', 'Admit a submitted application')
  @ApiOkResponse({ type: ApplicationResponse })
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiConflictResponse({ description: 'INVALID_STATE: not submitted', type: ProblemResponse })
  admit(@CurrentUser() user: AuthUser, @Param() p: ApplicationIdParam): Promise<ApplicationResponse> {
    return this.admitApplication.execute(user, p.id);
  }

  @Post(':id/declare-inadmissible')
  @HttpCode(200)
  @Authorize('applications.manage', 'Declare an application inadmissible, with the reason the entity is told')
  @ApiOkResponse({ type: ApplicationResponse })
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiConflictResponse({
    description: 'INVALID_STATE: not submitted or correction_requested',
    type: ProblemResponse,
  })
  inadmissible(
    @CurrentUser() user: AuthUser,
    @Param() p: ApplicationIdParam,
    @Body() dto: ReasonDto,
  ): Promise<ApplicationResponse> {
    return this.declareInadmissible.execute(user, p.id, dto.reason);
  }

  @Post(':id/declare-withdrawn')
  @HttpCode(200)
  @Authorize(
    'applications.manage',
    'Declare desistiment: only after the due date of an unanswered correction request',
  )
  @ApiOkResponse({ type: ApplicationResponse })
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiConflictResponse({
    description: 'INVALID_STATE: not correction_requested (no unanswered request)',
    type: ProblemResponse,
  })
  @ApiUnprocessableEntityResponse({ description: 'DEADLINE_NOT_PASSED', type: ProblemResponse })
  withdrawn(
    @CurrentUser() user: AuthUser,
    @Param() p: ApplicationIdParam,
    @Body() dto: ReasonDto,
  ): Promise<ApplicationResponse> {
    return this.declareWithdrawn.execute(user, p.id, dto.reason);
  }

  @Get(':id/history')
  @Authorize(READERS, 'The audit events of an application, oldest first')
  @ApiOkResponse({ type: ApplicationHistoryResponse })
  @ApiNotFoundResponse(NOT_FOUND)
  history(
    @CurrentUser() user: AuthUser,
    @Param() p: ApplicationIdParam,
  ): Promise<ApplicationHistoryResponse> {
    return this.applicationHistory.execute(user, p.id);
  }
}

/** The use cases this controller needs, for the module's providers. */
export const ADMISSIBILITY_PROVIDERS = [
  SubmitApplication,
  IssueRegistryReceipt,
  WithdrawApplication,
  RequestCorrection,
  ListRequirements,
  AnswerCorrection,
  AdmitApplication,
  DeclareInadmissible,
  DeclareWithdrawn,
  ApplicationHistory,
];
