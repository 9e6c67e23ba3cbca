import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { Authorize, CurrentUser, Public } from '../../common/decorators';
import type { AuthUser } from '../../common/request-context';
import { ProblemResponse } from '../../common/problem.response';
import { toEntityResponse } from './entities.dto';
import { RegisterDto, RegistrationResponse, VerifyEmailDto } from './registration.dto';
import { RegistrationService } from './registration.service';

/** The public routes of an NGO's self-registration, in the auth area. */
@ApiTags('auth')
@Controller('v1/auth')
export class RegistrationController {
  constructor(private readonly registration: RegistrationService) {}

  @Post('register')
  @Public(
    'Register an NGO: the entity (pending validation) and its first user, who can sign in at once and is e-mailed a link to confirm the address',
  )
  @UseGuards(ThrottlerGuard)
  @ApiCreatedResponse({ type: RegistrationResponse })
  @ApiBadRequestResponse({
    description:
      'VALIDATION_FAILED, e.g. privacyAccepted, entity.nif, entity.iban, entity.legalRepresentative.idNumber',
    type: ProblemResponse,
  })
  @ApiConflictResponse({
    description: 'DUPLICATE: entity.nif or user.email registered already',
    type: ProblemResponse,
  })
  @ApiTooManyRequestsResponse({ description: 'RATE_LIMITED', type: ProblemResponse })
  async register(@Body() dto: RegisterDto): Promise<RegistrationResponse> {
    const { entity, user } = await this.registration.register(dto);
    return {
      entity: toEntityResponse(entity),
      user: { id: user.id, email: user.email, name: user.name, locale: user.locale },
    };
  }

  @Post('verify-email/resend')
  @HttpCode(202)
  @Authorize(
    'entities.own',
    'E-mail a new verification link to the signed-in NGO user (address not verified yet)',
  )
  @UseGuards(ThrottlerGuard)
  @ApiAcceptedResponse({ description: 'The link is in the outbox' })
  @ApiConflictResponse({ description: 'INVALID_STATE: verified already', type: ProblemResponse })
  @ApiTooManyRequestsResponse({ description: 'RATE_LIMITED', type: ProblemResponse })
  async resendVerification(@CurrentUser() user: AuthUser): Promise<void> {
    await this.registration.resendVerification(user);
  }

  @Post('verify-email')
  @HttpCode(204)
  @Public('Confirm an e-mail address with the token of the e-mailed link')
  @UseGuards(ThrottlerGuard)
  @ApiNoContentResponse()
  @ApiBadRequestResponse({ description: 'INVALID_TOKEN: unknown, used or expired', type: ProblemResponse })
  @ApiTooManyRequestsResponse({ description: 'RATE_LIMITED', type: ProblemResponse })
  async verifyEmail(@Body() dto: VerifyEmailDto): Promise<void> {
    await this.registration.verifyEmail(dto.token);
  }
}
