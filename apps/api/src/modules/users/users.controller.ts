import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Authorize } from '../../common/decorators';
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
import type { Request, Response } from 'express';
import { ApiExport, exportLocale, sendExport, type ExportFormat } from '../../common/export';
import { CurrentUser } from '../../common/decorators';
import type { AuthUser } from '../../common/request-context';
import { USER_COLUMNS } from './users.export';

const SHEET = { ca: 'Usuaris', es: 'Usuarios', en: 'Users' } as const;

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
  @Authorize('users.read', 'Users as CSV (UTF-8 with BOM, `;`), with the filters of the list')
  @ApiExport('csv')
  exportCsv(
    @Query() q: UserExportQuery,
    @Req() req: Request,
    @Res() res: Response,
    @CurrentUser() user: AuthUser,
  ) {
    return this.export('csv', q, req, res, user);
  }

  @Get('export.xlsx')
  @Authorize('users.read', 'Users as XLSX (typed cells), with the filters of the list')
  @ApiExport('xlsx')
  exportXlsx(
    @Query() q: UserExportQuery,
    @Req() req: Request,
    @Res() res: Response,
    @CurrentUser() user: AuthUser,
  ) {
    return this.export('xlsx', q, req, res, user);
  }

  private export(format: ExportFormat, q: UserExportQuery, req: Request, res: Response, user: AuthUser) {
    const locale = exportLocale(req, user);
    return sendExport(res, {
      format,
      name: 'users',
      sheet: SHEET[locale],
      columns: USER_COLUMNS,
      locale,
      pages: this.users.pages(q),
    });
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
