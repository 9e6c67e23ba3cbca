import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Authorize, CurrentUser } from '../../common/decorators';
import { ProblemResponse } from '../../common/problem.response';
import type { AuthUser } from '../../common/request-context';
import { EntityIdParam } from './entities.dto';
import { EntityMembersService } from './entity-members.service';
import { EntityMemberParam, InviteMemberDto, MemberResponse, toMemberResponse } from './members.dto';

const NOT_FOUND = { description: 'NOT_FOUND (also another entity’s)', type: ProblemResponse };

@ApiTags('entities')
@Controller('v1/entities/:id/members')
export class EntityMembersController {
  constructor(private readonly members: EntityMembersService) {}

  @Get()
  @Authorize(['entities.read', 'entities.own'], 'The users of an entity, removed ones included (not paged)')
  @ApiOkResponse({ type: [MemberResponse] })
  @ApiNotFoundResponse(NOT_FOUND)
  async list(@CurrentUser() user: AuthUser, @Param() p: EntityIdParam): Promise<MemberResponse[]> {
    return (await this.members.list(user, p.id)).map(toMemberResponse);
  }

  @Post()
  @Authorize(
    ['entities.manage', 'entities.own'],
    'Invite a colleague: a new user of the entity, e-mailed a link',
  )
  @ApiCreatedResponse({ type: MemberResponse })
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiConflictResponse({
    description: 'DUPLICATE: the e-mail is in use · INVALID_STATE: the entity is suspended or rejected',
    type: ProblemResponse,
  })
  async invite(
    @CurrentUser() user: AuthUser,
    @Param() p: EntityIdParam,
    @Body() dto: InviteMemberDto,
  ): Promise<MemberResponse> {
    return toMemberResponse(await this.members.invite(user, p.id, dto));
  }

  @Delete(':userId')
  @HttpCode(204)
  @Authorize(
    ['entities.manage', 'entities.own'],
    'Remove a user who left: deactivated, sessions ended (never the last active one)',
  )
  @ApiNoContentResponse()
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiConflictResponse({
    description: 'INVALID_STATE: the entity’s last active user, or the entity is suspended or rejected',
    type: ProblemResponse,
  })
  async remove(@CurrentUser() user: AuthUser, @Param() p: EntityMemberParam): Promise<void> {
    await this.members.remove(user, p.id, p.userId);
  }
}
