import { applyDecorators, createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCookieAuth,
  ApiForbiddenResponse,
  ApiOperation,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Permission } from '@cofinanca/contracts';
import { ProblemResponse } from './problem.response';
import type { AuthUser } from './request-context';

export const IS_PUBLIC = 'cofinanca:public';
export const REQUIRED_PERMISSION = 'cofinanca:permission';
export const AUTHENTICATED_ONLY = 'cofinanca:authenticated';

function describe(permission: Permission | readonly Permission[]): string {
  const list = typeof permission === 'string' ? [permission] : permission;
  return list.map((p) => `\`${p}\``).join(' or ');
}

/** A route anyone may call, signed in or not. */
export const Public = (summary: string) =>
  applyDecorators(
    SetMetadata(IS_PUBLIC, true),
    // `security: []` says so in the document (Redocly's security-defined rule).
    ApiOperation({ summary, description: 'Public: no authentication.', security: [] }),
  );

/**
 * The one decorator that enforces and documents the permission a route needs. An array means any one of them
 * (e.g. staff's `entities.read` or an NGO user's `entities.own`); the service then checks the resource itself.
 */
export const Authorize = (
  permission: Permission | readonly Permission[] | 'authenticated',
  summary: string,
) =>
  applyDecorators(
    permission === 'authenticated'
      ? SetMetadata(AUTHENTICATED_ONLY, true)
      : SetMetadata(REQUIRED_PERMISSION, typeof permission === 'string' ? [permission] : permission),
    ApiBearerAuth(),
    ApiCookieAuth(),
    ApiOperation({
      summary,
      description:
        permission === 'authenticated'
          ? 'Any signed-in user.'
          : `Requires the permission ${describe(permission)}.`,
      ...(permission === 'authenticated' ? {} : { 'x-permission': permission }),
    } as never),
    ApiUnauthorizedResponse({ description: 'UNAUTHENTICATED', type: ProblemResponse }),
    ...(permission === 'authenticated'
      ? []
      : [ApiForbiddenResponse({ description: 'FORBIDDEN', type: ProblemResponse })]),
  );

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthUser => {
  return ctx.switchToHttp().getRequest().user as AuthUser;
});
