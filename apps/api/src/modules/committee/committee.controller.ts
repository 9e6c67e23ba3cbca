import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
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
import { CallIdParam } from '../calls/calls.dto';
import {
  ApproveMeetingDto,
  CreateMeetingDto,
  MeetingIdParam,
  MeetingList,
  MeetingResponse,
  MinutesQuery,
  UpdateMeetingDto,
} from './committee.dto';
import { CommitteeService } from './committee.service';

const COMPOSITION =
  'VALIDATION_FAILED (members[i].name: REQUIRED, NOT_UNIQUE · members[i].role: NOT_UNIQUE (a second president or secretary) · recusals[i].memberName: ONE_OF · recusals[i].applicationId: UNKNOWN_APPLICATION)';

/** The evaluation committee's meetings of a call (officers). */
@ApiTags('committee')
@Controller('v1')
export class CommitteeController {
  constructor(private readonly committee: CommitteeService) {}

  @Post('calls/:id/committee-meetings')
  @Authorize(
    'evaluations.manage',
    "Record a meeting of the call's evaluation committee; its agenda is the ranking",
  )
  @ApiCreatedResponse({ type: MeetingResponse })
  @ApiBadRequestResponse({ description: COMPOSITION, type: ProblemResponse })
  @ApiNotFoundResponse({ description: 'NOT_FOUND (the call)', type: ProblemResponse })
  @ApiConflictResponse({ description: 'INVALID_STATE (the call is not evaluating)', type: ProblemResponse })
  create(@Param() p: CallIdParam, @Body() dto: CreateMeetingDto): Promise<MeetingResponse> {
    return this.committee.create(p.id, dto);
  }

  @Get('calls/:id/committee-meetings')
  @Authorize('evaluations.manage', "The call's committee meetings, the latest first")
  @ApiOkResponse({ type: MeetingList })
  @ApiNotFoundResponse({ description: 'NOT_FOUND (the call)', type: ProblemResponse })
  list(@Param() p: CallIdParam): Promise<MeetingList> {
    return this.committee.list(p.id);
  }

  @Get('committee-meetings/:id')
  @Authorize(
    'evaluations.manage',
    'A committee meeting with its quorum and agenda (the frozen ranking once approved)',
  )
  @ApiOkResponse({ type: MeetingResponse })
  @ApiNotFoundResponse({ description: 'NOT_FOUND', type: ProblemResponse })
  get(@Param() p: MeetingIdParam): Promise<MeetingResponse> {
    return this.committee.get(p.id);
  }

  @Get('committee-meetings/:id/minutes.pdf')
  @Authorize(
    ['evaluations.manage', 'reports.read'],
    'The minutes (acta) of an approved meeting, as a PDF, stored at its approval (viewers: once the call is provisionally resolved)',
  )
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The PDF', schema: { type: 'string', format: 'binary' } })
  @ApiNotFoundResponse({ description: 'NOT_FOUND', type: ProblemResponse })
  @ApiConflictResponse({
    description:
      'INVALID_STATE (the minutes are not approved; for viewers, the call is not provisionally resolved)',
    type: ProblemResponse,
  })
  @Header('Cache-Control', 'private, no-store')
  async minutes(
    @CurrentUser() user: AuthUser,
    @Param() p: MeetingIdParam,
    @Query() q: MinutesQuery,
  ): Promise<StreamableFile> {
    const { fileName, pdf } = await this.committee.minutes(user, p.id, q.lang);
    return inlinePdf(fileName, pdf);
  }

  @Patch('committee-meetings/:id')
  @Authorize('evaluations.manage', 'Change a draft meeting: date, place, members and attendance, recusals')
  @ApiOkResponse({ type: MeetingResponse })
  @ApiBadRequestResponse({ description: COMPOSITION, type: ProblemResponse })
  @ApiNotFoundResponse({ description: 'NOT_FOUND', type: ProblemResponse })
  @ApiConflictResponse({
    description: 'STALE_VERSION · INVALID_STATE (the minutes are approved, or the call is not evaluating)',
    type: ProblemResponse,
  })
  update(@Param() p: MeetingIdParam, @Body() dto: UpdateMeetingDto): Promise<MeetingResponse> {
    return this.committee.update(p.id, dto);
  }

  @Post('committee-meetings/:id/approve')
  @HttpCode(200)
  @Authorize('evaluations.manage', 'Approve the minutes: checks the quorum and freezes the complete ranking')
  @ApiOkResponse({ type: MeetingResponse })
  @ApiNotFoundResponse({ description: 'NOT_FOUND', type: ProblemResponse })
  @ApiConflictResponse({
    description: 'STALE_VERSION · INVALID_STATE (already approved, or the call is not evaluating)',
    type: ProblemResponse,
  })
  @ApiUnprocessableEntityResponse({
    description:
      'QUORUM_NOT_REACHED (members.president / members.secretary: REQUIRED · members.present: TOO_FEW) · RANKING_INCOMPLETE (each pending application in `errors`, `applications.<id>`)',
    type: ProblemResponse,
  })
  approve(
    @CurrentUser() user: AuthUser,
    @Param() p: MeetingIdParam,
    @Body() dto: ApproveMeetingDto,
  ): Promise<MeetingResponse> {
    return this.committee.approve(user.id, p.id, dto);
  }
}
