import { Body, Controller, Get, Header, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { Authorize } from '../../common/decorators';
import { toCsv } from '../../common/csv';
import {
  CreateUserDto,
  toUserResponse,
  UpdateUserDto,
  UserExportQuery,
  UserIdParam,
  UserPage,
  UserQuery,
  UserResponse,
} from './users.dto';
import { UsersService } from './users.service';
import { ProblemResponse } from '../../common/problem.response';

@ApiTags('users')
@Controller('v1/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Authorize('users.read', 'Users, paged, filtered and sorted')
  @ApiOkResponse({ type: UserPage })
  async list(@Query() q: UserQuery): Promise<UserPage> {
    const page = await this.users.list(q);
    return { ...page, items: page.items.map(toUserResponse) };
  }

  @Get('export.csv')
  @Authorize('users.read', 'Users as CSV (UTF-8 with BOM, `;`)')
  @ApiProduces('text/csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="users.csv"')
  async export(@Query() q: UserExportQuery): Promise<string> {
    const rows = await this.users.all(q);
    return toCsv(
      ['email', 'name', 'roles', 'locale', 'active', 'createdAt'],
      rows.map((u) => [
        u.email,
        u.name,
        u.roles.join(','),
        u.locale,
        u.active ? 'true' : 'false',
        u.createdAt.toISOString(),
      ]),
    );
  }

  @Get(':id')
  @Authorize('users.read', 'One user')
  @ApiOkResponse({ type: UserResponse })
  async get(@Param() p: UserIdParam): Promise<UserResponse> {
    return toUserResponse(await this.users.get(p.id));
  }

  @Post()
  @Authorize('users.manage', 'Create a user (without a password: invited by e-mail)')
  @ApiCreatedResponse({ type: UserResponse })
  @ApiConflictResponse({ description: 'DUPLICATE', type: ProblemResponse })
  async create(@Body() dto: CreateUserDto): Promise<UserResponse> {
    return toUserResponse(await this.users.create(dto));
  }

  @Patch(':id')
  @Authorize('users.manage', 'Edit name, roles, language or deactivate (never the last active admin)')
  @ApiOkResponse({ type: UserResponse })
  @ApiConflictResponse({ description: 'STALE_VERSION · LAST_ADMIN', type: ProblemResponse })
  async update(@Param() p: UserIdParam, @Body() dto: UpdateUserDto): Promise<UserResponse> {
    return toUserResponse(await this.users.update(p.id, dto));
  }

  @Post(':id/invitation')
  @HttpCode(202)
  @Authorize('users.manage', 'Send the invitation e-mail again (a new link; the old one stops working)')
  @ApiAcceptedResponse()
  @ApiConflictResponse({
    description: 'INVALID_STATE: the user is inactive or has a password already',
    type: ProblemResponse,
  })
  async resendInvitation(@Param() p: UserIdParam): Promise<void> {
    await this.users.resendInvitation(p.id);
  }
}
