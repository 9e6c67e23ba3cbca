import { z } from 'zod';
import { LOCALES, ROLES } from '@cofinanca/contracts';
import type { CreateUserRequest, UpdateUserRequest, User } from '../../../api/types';
import { emailSchema, PASSWORD_MAX, PASSWORD_MIN } from '../../auth/schemas/auth-schemas';

const nameSchema = z
  .string()
  .trim()
  .min(1, { message: 'validation.required' })
  .max(200, { message: 'validation.tooLong' });
const rolesSchema = z.array(z.enum(ROLES)).min(1, { message: 'validation.rolesMin' });

/** New user: either an invitation by e-mail (no password) or a password set by the admin. */
export const userCreateSchema = z
  .object({
    email: emailSchema,
    name: nameSchema,
    roles: rolesSchema,
    locale: z.enum(LOCALES),
    invite: z.boolean(),
    password: z.string(),
  })
  .superRefine((values, ctx) => {
    if (values.invite) return;
    if (values.password.length < PASSWORD_MIN) {
      ctx.addIssue({ code: 'custom', path: ['password'], message: 'validation.passwordMin' });
    } else if (values.password.length > PASSWORD_MAX) {
      ctx.addIssue({ code: 'custom', path: ['password'], message: 'validation.passwordMax' });
    }
  });
export type UserCreateValues = z.infer<typeof userCreateSchema>;

export function toCreateRequest(values: UserCreateValues): CreateUserRequest {
  const body: CreateUserRequest = {
    email: values.email,
    name: values.name,
    roles: values.roles,
    locale: values.locale,
  };
  if (!values.invite) body.password = values.password;
  return body;
}

export const userEditSchema = z.object({
  name: nameSchema,
  roles: rolesSchema,
  locale: z.enum(LOCALES),
  active: z.boolean(),
});
export type UserEditValues = z.infer<typeof userEditSchema>;

export function toUpdateRequest(user: User, values: UserEditValues): UpdateUserRequest {
  return { version: user.version, ...values };
}
