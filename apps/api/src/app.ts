/**
 * Builds the Nest application with everything that is the same in production and in tests: request ids, JSON
 * body limits, validation, problem+json errors, OpenAPI, the back-office's static files.
 */
import { NestFactory, Reflector } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import express, { type NextFunction, type Request, type Response } from 'express';
import { Logger } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { AppModule } from './app.module';
import { BodyLimitsPipe } from './common/body-limits';
import { assertCleanInput, JsonBodyInterceptor } from './common/input-hygiene';
import { callerLocale } from './common/field-messages';
import { securityHeaders, sendAppPage } from './common/http-headers';
import { toProblem } from './common/problem.filter';
import { FieldErrorResponse, ProblemResponse } from './common/problem.response';
import { RequestContext } from './common/request-context';
import { createValidationPipe } from './common/validation';
import type { AppConfig } from './config/config';
import { StartupService } from './modules/seed/startup.service';

const REQUEST_ID = /^[A-Za-z0-9._:-]{8,100}$/;

export function buildOpenApi(app: NestExpressApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Cofinança API')
    .setDescription(
      'Grant co-financing management for the international cooperation office. Errors are RFC 9457 problem+json with a stable `code`. ' +
        'Every route needs a session (Bearer token or the httpOnly cookie) unless it says "Public".',
    )
    .setVersion('1')
    .setLicense('EUPL-1.2', 'https://interoperable-europe.ec.europa.eu/collection/eupl/eupl-text-eupl-12')
    .addServer('/', 'This server (the API and the back-office share the origin)')
    .addBearerAuth()
    .addCookieAuth('cofinanca_session')
    .addGlobalResponse(
      {
        status: 400,
        description: 'VALIDATION_FAILED: malformed or invalid input (unknown fields included)',
        type: ProblemResponse,
      },
      { status: 413, description: 'PAYLOAD_TOO_LARGE', type: ProblemResponse },
      {
        status: 415,
        description: 'UNSUPPORTED_MEDIA_TYPE: a request body that is not JSON (multipart only on uploads)',
        type: ProblemResponse,
      },
      {
        status: 500,
        description: 'INTERNAL_ERROR: no internals, only the request id',
        type: ProblemResponse,
      },
      { status: 503, description: 'SERVICE_UNAVAILABLE: the database is unreachable', type: ProblemResponse },
    )
    .build();
  return SwaggerModule.createDocument(app, config, {
    extraModels: [ProblemResponse, FieldErrorResponse],
    operationIdFactory: (controller, method) => `${controller.replace(/Controller$/, '')}_${method}`,
  });
}

export async function createApp(config: AppConfig, databaseUrl: string): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, databaseUrl), {
    bodyParser: false,
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  // Proxy headers count only from the proxies TRUST_PROXY names; by default nobody can forge a client address.
  app.set('trust proxy', config.trustProxy.length ? config.trustProxy : false);
  app.disable('x-powered-by');

  // A request id on every response and log line (an incoming well-formed X-Request-Id is kept).
  app.use((req: Request & { id?: string }, res: Response, next: NextFunction) => {
    const incoming = req.headers['x-request-id'];
    const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    req.id = id;
    res.setHeader('X-Request-Id', id);
    RequestContext.run({ requestId: id }, next);
  });
  app.use(securityHeaders(config));
  app.use(cookieParser());
  app.use(express.json({ limit: config.bodyLimit, strict: true }));
  // Before any guard reads them (the login's strategy does): no NUL, lone surrogate or __proto__/constructor/prototype
  // key anywhere in the body or the query (the validation pipe checks path parameters and multipart fields too).
  app.use((req: Request, _res: Response, next: NextFunction) => {
    assertCleanInput(req.body);
    assertCleanInput(req.query);
    next();
  });
  // Body-parser and hygiene failures (malformed JSON, too large, bad characters) happen before Nest's router: render
  // them here.
  app.use((err: unknown, req: Request & { id?: string }, res: Response, next: NextFunction) => {
    if (!err) return next();
    const body = toProblem(err, req.id ?? '', (k, v) => res.setHeader(k, v), callerLocale(req));
    res.status(body.status).type('application/problem+json').send(JSON.stringify(body));
  });

  // The back-office: static files at /, index.html for every client route (never for /api).
  const staticDir = config.staticDir ? resolve(config.staticDir) : resolve(__dirname, '../backoffice');
  if (existsSync(join(staticDir, 'index.html'))) {
    const files = express.static(staticDir, {
      index: false,
      maxAge: '1h',
      setHeaders: (res, path) => {
        if (path.endsWith('index.html')) res.setHeader('Cache-Control', 'no-cache');
      },
    });
    // Never for /api: looking each API request up on disk first cost a `stat` per request.
    app.use((req: Request, res: Response, next: NextFunction) =>
      req.path.startsWith('/api/') ? next() : files(req, res, next),
    );
    app.use((req: Request, res: Response, next: NextFunction) => {
      if (
        (req.method === 'GET' || req.method === 'HEAD') &&
        !req.path.startsWith('/api') &&
        req.accepts('html')
      ) {
        // Read each time: a rebuilt back-office is served without a restart.
        return void readFile(join(staticDir, 'index.html'), 'utf8').then(
          (html) => sendAppPage(res, html),
          next,
        );
      }
      next();
    });
  }

  app.setGlobalPrefix('api');
  // Input hygiene (common/input-hygiene.ts): a body is JSON (multipart on uploads); no NUL, lone surrogate or
  // __proto__/constructor/prototype key anywhere in a body, a query or a path parameter.
  app.useGlobalInterceptors(new JsonBodyInterceptor(app.get(Reflector)));
  // Bounded cost (common/body-limits.ts) before class-transformer and class-validator see the value.
  app.useGlobalPipes(new BodyLimitsPipe(), createValidationPipe());

  const document = buildOpenApi(app);
  SwaggerModule.setup('api/docs', app, document, {
    jsonDocumentUrl: 'api/docs-json',
    useGlobalPrefix: false,
  });

  await app.init();
  await app.get(StartupService).run();
  return app;
}
