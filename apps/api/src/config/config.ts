/**
 * Configuration: environment variables validated once at boot. Nothing else reads process.env.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { isAbsolute, join, resolve } from 'node:path';
import { z } from 'zod';
import { LOCALES, type Locale } from '@cofinanca/contracts';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'], { message: 'must be true or false' })
  .transform((v) => ['true', '1', 'yes', 'on'].includes(v));

const urlWith = (protocols: string[]) =>
  z.string().refine(
    (v) => {
      try {
        return protocols.includes(new URL(v).protocol);
      } catch {
        return false;
      }
    },
    { message: `must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}` },
  );

const PROXY_KEYWORDS = ['loopback', 'linklocal', 'uniquelocal'];

/** An express `trust proxy` entry that names proxies: a keyword, an IP address or a CIDR range (never a hop count). */
function isProxyAddress(entry: string): boolean {
  if (PROXY_KEYWORDS.includes(entry)) return true;
  const [address, prefix, extra] = entry.split('/');
  const family = isIP(address ?? '');
  if (!family || extra !== undefined) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

const durationSeconds = z.coerce
  .number({ message: 'must be a number of seconds' })
  .int('must be a whole number of seconds')
  .min(60, 'must be at least 60 seconds')
  .max(60 * 60 * 24 * 30, 'must be at most 30 days');

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
    PORT: z.coerce.number({ message: 'must be a port number' }).int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('0.0.0.0'),
    DATA_DIR: z.string().min(1).default('./data'),
    DATABASE_URL: urlWith(['postgres:', 'postgresql:']).optional(),
    JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    ACCESS_TOKEN_TTL: durationSeconds.default(8 * 60 * 60),
    RESET_TOKEN_TTL: durationSeconds.default(60 * 60),
    INVITATION_TOKEN_TTL: durationSeconds.default(7 * 24 * 60 * 60),
    ADMIN_EMAIL: z.string().email('must be an e-mail address').optional(),
    ADMIN_PASSWORD: z.string().min(10, 'must be at least 10 characters').max(128).optional(),
    SEED_DEMO: bool.optional(),
    SMTP_URL: urlWith(['smtp:', 'smtps:']).optional(),
    MAIL_FROM: z.string().min(3).default('Cofinança <no-reply@cofinanca.local>'),
    PUBLIC_URL: urlWith(['http:', 'https:']).optional(),
    DEFAULT_LOCALE: z.enum(LOCALES, { message: `must be one of ${LOCALES.join(', ')}` }).default('ca'),
    COUNCIL_MUNICIPALITY: z
      .string()
      .regex(/^\d{5}$/, 'must be a 5-digit INE municipality code')
      .default('25120'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    OUTBOX_POLL_MS: z.coerce.number().int().min(100).max(600000).default(5000),
    LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
    LOGIN_LOCK_SECONDS: z.coerce
      .number()
      .int()
      .min(1)
      .max(86400)
      .default(15 * 60),
    AUTH_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100000).default(60),
    AUTH_MAIL_LIMIT: z.coerce.number().int().min(1).max(1000).default(5),
    AUTH_MAIL_WINDOW_SECONDS: z.coerce.number().int().min(60).max(604800).default(3600),
    BODY_LIMIT: z
      .string()
      .regex(/^\d+(kb|mb)$/, 'must look like 1mb or 512kb')
      .default('1mb'),
    STATIC_DIR: z.string().optional(),
    TRUST_PROXY: z
      .string()
      .transform((v) =>
        v
          .split(',')
          .map((p) => p.trim())
          .filter(Boolean),
      )
      .refine((list) => list.every(isProxyAddress), {
        message:
          'must list the reverse proxies to trust, comma-separated: IP addresses, CIDR ranges (10.0.0.0/8) or loopback, linklocal, uniquelocal',
      })
      .optional(),
  })
  .superRefine((v, ctx) => {
    if ((v.ADMIN_EMAIL && !v.ADMIN_PASSWORD) || (!v.ADMIN_EMAIL && v.ADMIN_PASSWORD)) {
      ctx.addIssue({
        code: 'custom',
        path: ['ADMIN_PASSWORD'],
        message: 'ADMIN_EMAIL and ADMIN_PASSWORD go together',
      });
    }
  });

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  dataDir: string;
  /** Unset: the embedded engine under dataDir. */
  databaseUrl?: string;
  /** Embedded engine kept in memory only (tests). */
  embeddedInMemory: boolean;
  jwtSecret: string;
  accessTokenTtl: number;
  resetTokenTtl: number;
  invitationTokenTtl: number;
  admin?: { email: string; password: string };
  seedDemo: boolean;
  smtpUrl?: string;
  mailFrom: string;
  publicUrl: string;
  defaultLocale: Locale;
  councilMunicipality: string;
  logLevel: string;
  outboxPollMs: number;
  loginMaxFailures: number;
  loginLockSeconds: number;
  authRateLimitPerMinute: number;
  /** Password-reset and verification e-mails queued to one address (per kind) within the window; more queue nothing. */
  authMailLimit: { max: number; windowSeconds: number };
  bodyLimit: string;
  staticDir?: string;
  /**
   * The reverse proxies whose X-Forwarded-For/-Proto are believed (express `trust proxy`): addresses, ranges or
   * keywords. Empty: none, the client address is the socket's.
   */
  trustProxy: string[];
}

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Reads and validates the environment; throws ConfigError listing every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || 'config'}: ${i.message}`));
  }
  const v = parsed.data;
  const inMemory = v.DATA_DIR === ':memory:';
  const dataDir = inMemory
    ? ':memory:'
    : isAbsolute(v.DATA_DIR)
      ? v.DATA_DIR
      : resolve(process.cwd(), v.DATA_DIR);
  return {
    env: v.NODE_ENV,
    port: v.PORT,
    host: v.HOST,
    dataDir,
    databaseUrl: v.DATABASE_URL,
    embeddedInMemory: inMemory && !v.DATABASE_URL,
    jwtSecret: v.JWT_SECRET ?? persistentSecret(dataDir),
    accessTokenTtl: v.ACCESS_TOKEN_TTL,
    resetTokenTtl: v.RESET_TOKEN_TTL,
    invitationTokenTtl: v.INVITATION_TOKEN_TTL,
    admin:
      v.ADMIN_EMAIL && v.ADMIN_PASSWORD
        ? { email: v.ADMIN_EMAIL.toLowerCase(), password: v.ADMIN_PASSWORD }
        : undefined,
    seedDemo: v.SEED_DEMO ?? !v.DATABASE_URL,
    smtpUrl: v.SMTP_URL,
    mailFrom: v.MAIL_FROM,
    publicUrl: (v.PUBLIC_URL ?? `http://localhost:${v.PORT}`).replace(/\/+$/, ''),
    defaultLocale: v.DEFAULT_LOCALE,
    councilMunicipality: v.COUNCIL_MUNICIPALITY,
    logLevel: v.LOG_LEVEL,
    outboxPollMs: v.OUTBOX_POLL_MS,
    loginMaxFailures: v.LOGIN_MAX_FAILURES,
    loginLockSeconds: v.LOGIN_LOCK_SECONDS,
    authRateLimitPerMinute: v.AUTH_RATE_LIMIT_PER_MINUTE,
    authMailLimit: { max: v.AUTH_MAIL_LIMIT, windowSeconds: v.AUTH_MAIL_WINDOW_SECONDS },
    bodyLimit: v.BODY_LIMIT,
    staticDir: v.STATIC_DIR,
    trustProxy: v.TRUST_PROXY ?? [],
  };
}

/** JWT_SECRET unset: a random secret generated once and kept under DATA_DIR (mode 600), so sessions survive restarts. */
function persistentSecret(dataDir: string): string {
  if (dataDir === ':memory:') return randomBytes(48).toString('base64url');
  const file = join(dataDir, 'jwt-secret');
  if (existsSync(file)) {
    const stored = readFileSync(file, 'utf8').trim();
    if (stored.length >= 32) return stored;
  }
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

export const APP_CONFIG = Symbol('APP_CONFIG');
