import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { ROLES, type Role } from '@cofinanca/contracts';
import { OutboxWorker } from '../src/modules/mail/outbox.worker';
import { bearer, createTestApp, unique, type TestApp, type TestUser } from './utils/test-app';

interface Received {
  from: string;
  to: string[];
  raw: string;
}

/** A real SMTP server on loopback that keeps what it receives. */
async function startSmtp(
  opts: { failFirst?: number } = {},
): Promise<{ port: number; received: Received[]; stop(): Promise<void> }> {
  const received: Received[] = [];
  let failures = opts.failFirst ?? 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (c: Buffer) => (raw += c.toString('utf8')));
      stream.on('end', () => {
        if (failures > 0) {
          failures -= 1;
          const err = Object.assign(new Error('Mailbox busy, try later'), { responseCode: 451 });
          return callback(err);
        }
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { port, received, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe('audit log', () => {
  let t: TestApp;
  const people = {} as Record<Role, TestUser>;
  beforeAll(async () => {
    t = await createTestApp();
    for (const role of ROLES) people[role] = await t.user(role);
  });
  afterAll(() => t.close());

  it.each(['admin', 'officer'] as Role[])('%s reads the audit log, newest first', async (role) => {
    const res = await t
      .http()
      .get('/api/v1/audit')
      .query({ pageSize: 50 })
      .set(bearer(people[role].token))
      .expect(200);
    const at = res.body.items.map((e: { at: string }) => e.at);
    expect([...at].sort().reverse()).toEqual(at);
    expect(res.body.items[0]).toEqual(
      expect.objectContaining({
        id: expect.any(String),
        at: expect.any(String),
        action: expect.any(String),
        subjectType: expect.any(String),
        requestId: expect.anything(),
      }),
    );
  });

  it.each(['evaluator', 'finance', 'viewer', 'entity'] as Role[])(
    '%s may not read the audit log (403)',
    async (role) => {
      await t.http().get('/api/v1/audit').set(bearer(people[role].token)).expect(403);
      await t.http().get('/api/v1/audit/export.csv').set(bearer(people[role].token)).expect(403);
    },
  );

  it('filters by action, subject, actor and Madrid dates, and carries the request id', async () => {
    const res = await t
      .http()
      .post('/api/v1/calendar/holidays')
      .set(bearer(people.admin.token))
      .set('X-Request-Id', 'req-audit-0001')
      .send({ date: '2026-12-31', scope: 'local:25120', name: 'Prova' })
      .expect(201);
    const q = await t
      .http()
      .get('/api/v1/audit')
      .query({ action: 'holiday.created', subjectId: res.body.id, actorId: people.admin.id })
      .set(bearer(people.officer.token));
    expect(q.body.total).toBe(1);
    expect(q.body.items[0]).toMatchObject({
      actorId: people.admin.id,
      actorRoles: ['admin'],
      requestId: 'req-audit-0001',
      after: { name: 'Prova' },
    });
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Madrid' }).format(new Date());
    const inRange = await t
      .http()
      .get('/api/v1/audit')
      .query({ subjectId: res.body.id, from: today, to: today })
      .set(bearer(people.admin.token));
    expect(inRange.body.total).toBe(1);
    const past = await t
      .http()
      .get('/api/v1/audit')
      .query({ subjectId: res.body.id, to: '2020-01-01' })
      .set(bearer(people.admin.token));
    expect(past.body.total).toBe(0);
    await t
      .http()
      .get('/api/v1/audit')
      .query({ from: '2026-02-31' })
      .set(bearer(people.admin.token))
      .expect(400);
  });

  it('sorts by the allowed fields and refuses the others', async () => {
    const asc = await t
      .http()
      .get('/api/v1/audit')
      .query({ sort: 'action', pageSize: 200 })
      .set(bearer(people.admin.token))
      .expect(200);
    const actions = asc.body.items.map((e: { action: string }) => e.action);
    expect([...actions].sort()).toEqual(actions);
    const oldest = await t
      .http()
      .get('/api/v1/audit')
      .query({ sort: 'at', pageSize: 1 })
      .set(bearer(people.admin.token));
    const newest = await t
      .http()
      .get('/api/v1/audit')
      .query({ sort: '-at', pageSize: 1 })
      .set(bearer(people.admin.token));
    expect(oldest.body.items[0].at <= newest.body.items[0].at).toBe(true);
    const bad = await t
      .http()
      .get('/api/v1/audit')
      .query({ sort: 'before' })
      .set(bearer(people.admin.token))
      .expect(400);
    expect(bad.body.errors).toHaveProperty('sort');
  });

  it('exports CSV with the same filters', async () => {
    const res = await t
      .http()
      .get('/api/v1/audit/export.csv')
      .query({ action: 'user.created' })
      .set(bearer(people.admin.token))
      .expect(200);
    expect(res.text.charCodeAt(0)).toBe(0xfeff);
    const lines = res.text.trim().split('\r\n');
    expect(lines[0].replace('\uFEFF', '')).toBe(
      "Data i hora;Qui;Rols;Acció;Tipus d'objecte;Objecte;Identificador de l'objecte;Abans;Després;Identificador de la petició",
    );
    expect(lines.slice(1).every((l) => l.includes(';Usuari creat;Usuari;'))).toBe(true);
    expect(lines.length).toBeGreaterThan(ROLES.length);
  });

  it('is append-only in the database itself', async () => {
    const ds = t.app.get(DataSource);
    await expect(ds.query(`UPDATE audit_events SET action = 'tampered'`)).rejects.toThrow(/append-only/);
    await expect(ds.query(`DELETE FROM audit_events`)).rejects.toThrow(/append-only/);
    const [{ count }] = await ds.query(
      `SELECT count(*)::int AS count FROM audit_events WHERE action = 'tampered'`,
    );
    expect(count).toBe(0);
  });
});

describe('outbox without SMTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('keeps messages pending and shows them to admins only', async () => {
    const email = `${unique('p')}@test.cofinanca.cat`;
    await t
      .http()
      .post('/api/v1/users')
      .set(bearer(t.adminToken))
      .send({ email, name: 'Pendent', roles: ['viewer'] })
      .expect(201);
    expect(await t.app.get(OutboxWorker).drain()).toBe(0);
    const res = await t
      .http()
      .get('/api/v1/outbox')
      .query({ to: email, status: 'pending' })
      .set(bearer(t.adminToken))
      .expect(200);
    expect(res.body.items).toHaveLength(1);
    expect(res.body.items[0]).toMatchObject({
      to: email,
      locale: 'ca',
      subject: 'Us donem accés a Cofinança',
      status: 'pending',
      attempts: 0,
      sentAt: null,
    });
    for (const role of ROLES.filter((r) => r !== 'admin')) {
      const someone = await t.user(role);
      const res = await t.http().get('/api/v1/outbox').set(bearer(someone.token));
      expect({ role, status: res.status }).toEqual({ role, status: 403 });
    }
    await t.http().get('/api/v1/outbox').query({ status: 'lost' }).set(bearer(t.adminToken)).expect(400);
    await t.http().get('/api/v1/outbox').query({ sort: 'text' }).set(bearer(t.adminToken)).expect(400);
    const byTo = await t
      .http()
      .get('/api/v1/outbox')
      .query({ sort: 'to' })
      .set(bearer(t.adminToken))
      .expect(200);
    const tos = byTo.body.items.map((m: { to: string }) => m.to);
    expect([...tos].sort()).toEqual(tos);
  });
});

describe('outbox delivery over SMTP', () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  beforeAll(async () => {
    smtp = await startSmtp({ failFirst: 1 });
    // A long poll interval: the test drives delivery with drain() so nothing races it.
    t = await createTestApp({
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      OUTBOX_POLL_MS: '600000',
      MAIL_FROM: 'Cofinança <cooperacio@paeria.test>',
    });
    // Even the first tick (a second after start) would race the lease test: only drain() delivers here.
    await t.app.get(OutboxWorker).stopPolling();
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  it('delivers each message once, retries a temporary failure, and marks it sent', async () => {
    const email = `${unique('smtp')}@test.cofinanca.cat`;
    await t
      .http()
      .post('/api/v1/users')
      .set(bearer(t.adminToken))
      .send({ email, name: 'Receptora', roles: ['viewer'], locale: 'es' })
      .expect(201);
    const worker = t.app.get(OutboxWorker);

    // First attempt: the server answers 451; the message stays pending with the error and a later retry time.
    expect(await worker.drain()).toBe(0);
    const failed = await t.http().get('/api/v1/outbox').query({ to: email }).set(bearer(t.adminToken));
    expect(failed.body.items[0]).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastError: expect.stringMatching(/451|busy/i),
    });
    expect(smtp.received).toHaveLength(0);

    // Make it due now, then deliver.
    await t.app
      .get(DataSource)
      .query(`UPDATE outbox_messages SET next_attempt_at = now() WHERE to_address = $1`, [email]);
    expect(await worker.drain()).toBe(1);
    expect(await worker.drain()).toBe(0);
    expect(smtp.received).toHaveLength(1);
    const msg = smtp.received[0];
    expect(msg.to).toEqual([email]);
    expect(msg.from).toBe('cooperacio@paeria.test');
    expect(msg.raw).toMatch(/Subject: Le damos acceso a =?UTF-8|Subject: .*Cofinan/);
    const sent = await t.http().get('/api/v1/outbox').query({ to: email }).set(bearer(t.adminToken));
    expect(sent.body.items[0]).toMatchObject({
      status: 'sent',
      attempts: 2,
      lastError: null,
      sentAt: expect.any(String),
    });
    expect(msg.raw).toContain(`Message-ID: <${sent.body.items[0].id}@cofinanca>`);
  });

  it('does not send a message another worker holds (lease)', async () => {
    const email = `${unique('lease')}@test.cofinanca.cat`;
    await t
      .http()
      .post('/api/v1/users')
      .set(bearer(t.adminToken))
      .send({ email, name: 'Lease', roles: ['viewer'] })
      .expect(201);
    const ds = t.app.get(DataSource);
    await ds.query(
      `UPDATE outbox_messages SET locked_until = now() + interval '1 minute' WHERE to_address = $1`,
      [email],
    );
    const before = smtp.received.length;
    await t.app.get(OutboxWorker).drain();
    expect(smtp.received.length).toBe(before);
    await ds.query(
      `UPDATE outbox_messages SET locked_until = now() - interval '1 second' WHERE to_address = $1`,
      [email],
    );
    await t.app.get(OutboxWorker).drain();
    expect(smtp.received.filter((r) => r.to.includes(email))).toHaveLength(1);
  });
});
