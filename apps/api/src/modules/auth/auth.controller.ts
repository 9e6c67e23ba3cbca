import { Body, Controller, Get, HttpCode, Inject, Patch, Post, Req, Res, UseGuards } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBody,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { Authorize, CurrentUser, Public } from '../../common/decorators';
import { servedOverHttps } from '../../common/http-headers';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import type { AuthUser } from '../../common/request-context';
import type { UserEntity } from '../users/user.entity';
import {
  ChangePasswordDto,
  LoginDto,
  LoginResponse,
  MeResponse,
  PasswordResetConfirmDto,
  PasswordResetRequestDto,
  UpdateMeDto,
} from './auth.dto';
import { AuthService } from './auth.service';
import { LocalAuthGuard } from './guards';
import { SESSION_COOKIE } from './strategies';
import { ProblemResponse } from '../../common/problem.response';

@ApiTags('auth')
@Controller('v1/auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('login')
  @HttpCode(200)
  @Public('Sign in with e-mail and password')
  @UseGuards(ThrottlerGuard, LocalAuthGuard)
  @ApiBody({ type: LoginDto })
  @ApiOkResponse({ type: LoginResponse })
  @ApiTooManyRequestsResponse({
    description: 'RATE_LIMITED: 5 failures in a row lock the address for 15 minutes',
    type: ProblemResponse,
  })
  async login(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<LoginResponse> {
    const result = await this.auth.login(req.user as unknown as UserEntity);
    res.cookie(SESSION_COOKIE, result.accessToken, {
      httpOnly: true,
      sameSite: 'strict',
      // Secure exactly when the app is reached over HTTPS: a plain http://localhost keeps working.
      secure: servedOverHttps(this.config, req),
      path: '/',
      maxAge: result.expiresIn * 1000,
    });
    return result;
  }

  @Post('logout')
  @HttpCode(204)
  @Authorize('authenticated', 'Sign out: the session is revoked')
  @ApiNoContentResponse()
  async logout(
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    await this.auth.logout(user);
    res.clearCookie(SESSION_COOKIE, {
      path: '/',
      httpOnly: true,
      sameSite: 'strict',
      secure: servedOverHttps(this.config, req),
    });
  }

  @Get('me')
  @Authorize('authenticated', 'The signed-in user, with roles and permissions')
  @ApiOkResponse({ type: MeResponse })
  me(@CurrentUser() user: AuthUser): Promise<MeResponse> {
    return this.auth.me(user);
  }

  @Patch('me')
  @Authorize('authenticated', 'Update your own name and language')
  @ApiOkResponse({ type: MeResponse })
  updateMe(@CurrentUser() user: AuthUser, @Body() dto: UpdateMeDto): Promise<MeResponse> {
    return this.auth.updateMe(user, dto);
  }

  @Post('change-password')
  @HttpCode(204)
  @Authorize('authenticated', 'Change your own password (other sessions end)')
  @ApiNoContentResponse()
  changePassword(@CurrentUser() user: AuthUser, @Body() dto: ChangePasswordDto): Promise<void> {
    return this.auth.changePassword(user, dto);
  }

  @Post('password-reset')
  @HttpCode(202)
  @Public('Ask for a password-reset link by e-mail (always 202)')
  @UseGuards(ThrottlerGuard)
  @Throttle({ default: { limit: 10, ttl: 60_000 } })
  @ApiAcceptedResponse()
  async requestReset(@Body() dto: PasswordResetRequestDto): Promise<void> {
    await this.auth.requestPasswordReset(dto.email);
  }

  @Post('password-reset/confirm')
  @HttpCode(204)
  @Public('Set a new password with the e-mailed token (reset or invitation)')
  @UseGuards(ThrottlerGuard)
  @ApiNoContentResponse()
  async confirmReset(@Body() dto: PasswordResetConfirmDto): Promise<void> {
    await this.auth.confirmPasswordReset(dto.token, dto.password);
  }
}
