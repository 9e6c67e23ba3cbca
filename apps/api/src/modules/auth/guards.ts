import { Injectable, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { hasPermission, type Permission } from '@cofinanca/contracts';
import { AppException } from '../../common/app.exception';
import { AUTHENTICATED_ONLY, IS_PUBLIC, REQUIRED_PERMISSION } from '../../common/decorators';
import { RequestContext, type AuthUser } from '../../common/request-context';
import { flattenValidationErrors } from '../../common/validation';
import { LoginDto } from './auth.dto';

/**
 * The global guard: every route needs a valid session unless marked @Public, and the permission its @Authorize
 * names. A route that declares neither is refused (secure by default).
 */
@Injectable()
export class AccessGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    await super.canActivate(context);
    const user = context.switchToHttp().getRequest().user as AuthUser;
    RequestContext.setUser(user);
    if (this.reflector.getAllAndOverride<boolean>(AUTHENTICATED_ONLY, targets)) return true;
    const anyOf = this.reflector.getAllAndOverride<Permission[]>(REQUIRED_PERMISSION, targets);
    if (!anyOf?.length || !anyOf.some((p) => hasPermission(user.roles, p))) throw AppException.forbidden();
    return true;
  }

  override handleRequest<T = AuthUser>(err: unknown, user: T | false | null): T {
    if (err) throw err;
    if (!user) throw AppException.unauthenticated();
    return user;
  }
}

/** Validates the body as LoginDto (400 on bad input, unknown fields included) before passport-local runs. */
@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest();
    const dto = plainToInstance(LoginDto, req.body ?? {});
    const errors = await validate(dto, {
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
    });
    if (errors.length) throw AppException.validation(flattenValidationErrors(errors));
    req.body = { email: dto.email, password: dto.password };
    return (await super.canActivate(context)) as boolean;
  }

  override handleRequest<T>(err: unknown, user: T | false | null): T {
    if (err) throw err;
    if (!user)
      throw new AppException(401, 'INVALID_CREDENTIALS', 'The e-mail or the password is not correct.');
    return user;
  }
}
