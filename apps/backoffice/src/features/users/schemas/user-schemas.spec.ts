import { describe, expect, it } from 'vitest';
import { resetPasswordSchema } from '../../auth/schemas/auth-schemas';
import { toCreateRequest, userCreateSchema, userEditSchema } from './user-schemas';

const valid = {
  email: '  nova@example.cat ',
  name: 'Nova Persona',
  roles: ['officer'],
  locale: 'ca',
  invite: true,
  password: '',
};

describe('userCreateSchema', () => {
  it('accepts an invitation without a password and trims the e-mail', () => {
    const parsed = userCreateSchema.parse(valid);
    expect(parsed.email).toBe('nova@example.cat');
    expect(toCreateRequest(parsed)).toEqual({
      email: 'nova@example.cat',
      name: 'Nova Persona',
      roles: ['officer'],
      locale: 'ca',
    });
  });

  it('requires a password of at least 10 characters when not inviting', () => {
    const result = userCreateSchema.safeParse({ ...valid, invite: false, password: 'short' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: ['password'], message: 'validation.passwordMin' });
    const ok = userCreateSchema.parse({ ...valid, invite: false, password: 'a-long-password' });
    expect(toCreateRequest(ok).password).toBe('a-long-password');
  });

  it('rejects a bad e-mail, an empty name, no roles and an unknown role', () => {
    const result = userCreateSchema.safeParse({ ...valid, email: 'nope', name: ' ', roles: [] });
    expect(result.success).toBe(false);
    const messages = Object.fromEntries(result.error!.issues.map((i) => [i.path.join('.'), i.message]));
    expect(messages).toEqual({
      email: 'validation.email',
      name: 'validation.required',
      roles: 'validation.rolesMin',
    });
    expect(userCreateSchema.safeParse({ ...valid, roles: ['root'] }).success).toBe(false);
  });
});

describe('userEditSchema', () => {
  it('accepts a complete edit and refuses an unknown locale', () => {
    expect(
      userEditSchema.safeParse({ name: 'A', roles: ['admin'], locale: 'es', active: false }).success,
    ).toBe(true);
    expect(
      userEditSchema.safeParse({ name: 'A', roles: ['admin'], locale: 'fr', active: true }).success,
    ).toBe(false);
  });
});

describe('resetPasswordSchema', () => {
  it('requires both passwords to match', () => {
    const result = resetPasswordSchema.safeParse({ password: 'abcdefghij', confirm: 'abcdefghik' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({
      path: ['confirm'],
      message: 'validation.passwordsMatch',
    });
    expect(resetPasswordSchema.safeParse({ password: 'abcdefghij', confirm: 'abcdefghij' }).success).toBe(
      true,
    );
  });
});
