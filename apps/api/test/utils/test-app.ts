import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import type { Role } from '@cofinanca/contracts';
import { createApp } from '../../src/app';
import { loadConfig, type AppConfig } from '../../src/config/config';
import { freshDatabase, type TestDatabase } from './databases';

export const ADMIN = { email: 'root-admin@test.cofinanca.cat', password: 'Root-admin-password-1' };

export interface TestUser {
  id: string;
  email: string;
  password: string;
  roles: Role[];
  token: string;
  version: number;
}

export interface TestApp {
  app: NestExpressApplication;
  config: AppConfig;
  db: TestDatabase;
  http: () => ReturnType<typeof request>;
  adminToken: string;
  login(email: string, password: string): Promise<string>;
  /** A new user with unique data, created through the API by the admin, signed in. */
  user(roles: Role[] | Role, extra?: Record<string, unknown>): Promise<TestUser>;
  close(): Promise<void>;
}

export function unique(prefix = 'u'): string {
  return `${prefix}-${randomBytes(5).toString('hex')}`;
}

/** Boots the whole application through its real factory on a fresh, migrated database. */
export async function createTestApp(env: Record<string, string> = {}, db?: TestDatabase): Promise<TestApp> {
  const database = db ?? (await freshDatabase());
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: ':memory:',
    JWT_SECRET: 'test-secret-test-secret-test-secret-0123',
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    SEED_DEMO: 'false',
    LOG_LEVEL: 'silent',
    PUBLIC_URL: 'http://cofinanca.test',
    AUTH_RATE_LIMIT_PER_MINUTE: '10000',
    ...env,
  });
  const app = await createApp(config, database.url);
  const http = () => request(app.getHttpServer());

  const login = async (email: string, password: string): Promise<string> => {
    const res = await http().post('/api/v1/auth/login').send({ email, password });
    if (res.status !== 200)
      throw new Error(`login of ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.accessToken as string;
  };
  const adminToken = await login(ADMIN.email, ADMIN.password);

  const user = async (roles: Role[] | Role, extra: Record<string, unknown> = {}): Promise<TestUser> => {
    const list = Array.isArray(roles) ? roles : [roles];
    const email = `${unique(list.join('-'))}@test.cofinanca.cat`;
    const password = `Pw-${randomBytes(8).toString('hex')}`;
    const res = await http()
      .post('/api/v1/users')
      .set('Authorization', `Bearer ${adminToken}`)
      .send({ email, name: `Test ${list.join('+')}`, roles: list, password, ...extra });
    if (res.status !== 201)
      throw new Error(`user creation failed: ${res.status} ${JSON.stringify(res.body)}`);
    return {
      id: res.body.id,
      email,
      password,
      roles: list,
      token: await login(email, password),
      version: res.body.version,
    };
  };

  return {
    app,
    config,
    db: database,
    http,
    adminToken,
    login,
    user,
    async close() {
      await app.close();
      await database.drop();
    },
  };
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
