import { z } from 'zod';
import { LOCALES } from '@cofinanca/contracts';
import { PASSWORD_MAX, PASSWORD_MIN } from '../../../lib/password-rules';

export { PASSWORD_MAX, PASSWORD_MIN };

/** Messages are i18n keys (validation.*), translated where they are shown. */
export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN, { message: 'validation.passwordMin' })
  .max(PASSWORD_MAX, { message: 'validation.passwordMax' });

export const emailSchema = z
  .string()
  .trim()
  .min(1, { message: 'validation.required' })
  .pipe(z.email({ message: 'validation.email' }));

export const loginSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, { message: 'validation.required' }),
});
export type LoginValues = z.infer<typeof loginSchema>;

export const forgotPasswordSchema = z.object({ email: emailSchema });
export type ForgotPasswordValues = z.infer<typeof forgotPasswordSchema>;

export const resetPasswordSchema = z
  .object({
    password: passwordSchema,
    confirm: z.string().min(1, { message: 'validation.required' }),
  })
  .refine((v) => v.password === v.confirm, { message: 'validation.passwordsMatch', path: ['confirm'] });
export type ResetPasswordValues = z.infer<typeof resetPasswordSchema>;

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, { message: 'validation.required' }),
    newPassword: passwordSchema,
    confirm: z.string().min(1, { message: 'validation.required' }),
  })
  .refine((v) => v.newPassword === v.confirm, { message: 'validation.passwordsMatch', path: ['confirm'] });
export type ChangePasswordValues = z.infer<typeof changePasswordSchema>;

export const profileSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, { message: 'validation.required' })
    .max(200, { message: 'validation.tooLong' }),
  locale: z.enum(LOCALES),
});
export type ProfileValues = z.infer<typeof profileSchema>;
