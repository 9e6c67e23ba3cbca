import { ROLES, type Role } from '@cofinanca/contracts';
import { calendarYearsOf, dateInTimeZone, missingCalendarYear } from '@cofinanca/domain';
import { CalendarReminderService } from '../src/modules/calendar/calendar-reminder.service';
import { dataSource } from './utils/fixtures';
import { bearer, createTestApp, type TestApp, type TestUser } from './utils/test-app';

describe('calendar', () => {
  let t: TestApp;
  const people = {} as Record<Role, TestUser>;
  beforeAll(async () => {
    t = await createTestApp();
    for (const role of ROLES) people[role] = await t.user(role);
  });
  afterAll(() => t.close());

  describe('business days (LPAC art. 30)', () => {
    it.each(ROLES)('10 business days after 2026-04-30 in Lleida is 2026-05-18 (as %s)', async (role) => {
      const res = await t
        .http()
        .get('/api/v1/calendar/business-days')
        .query({ from: '2026-04-30', days: 10 })
        .set(bearer(people[role].token))
        .expect(200);
      expect(res.body).toEqual({
        from: '2026-04-30',
        days: 10,
        municipality: '25120',
        dueDate: '2026-05-18',
      });
    });

    it('also skips the local holidays of the given municipality', async () => {
      const admin = people.admin.token;
      await t
        .http()
        .post('/api/v1/calendar/holidays')
        .set(bearer(admin))
        .send({ date: '2026-07-06', scope: 'local:25040', name: 'Festa local de prova' })
        .expect(201);
      const lleida = await t
        .http()
        .get('/api/v1/calendar/business-days')
        .query({ from: '2026-07-03', days: 1 })
        .set(bearer(admin));
      expect(lleida.body.dueDate).toBe('2026-07-06');
      const balaguer = await t
        .http()
        .get('/api/v1/calendar/business-days')
        .query({ from: '2026-07-03', days: 1, municipality: '25040' })
        .set(bearer(admin));
      expect(balaguer.body).toMatchObject({ municipality: '25040', dueDate: '2026-07-07' });
    });

    it.each([
      [{ from: '2026-02-30', days: 1 }, 'from'],
      [{ from: '30/04/2026', days: 1 }, 'from'],
      [{ from: '2026-04-30', days: -1 }, 'days'],
      [{ from: '2026-04-30', days: 'ten' }, 'days'],
      [{ from: '2026-04-30', days: 367 }, 'days'],
      [{ from: '2026-04-30', days: 1, municipality: 'Lleida' }, 'municipality'],
      [{ days: 1 }, 'from'],
    ])('refuses %p with 400 naming %s', async (query, field) => {
      const res = await t
        .http()
        .get('/api/v1/calendar/business-days')
        .query(query)
        .set(bearer(people.viewer.token))
        .expect(400);
      expect(Object.keys(res.body.errors)).toContain(field);
    });

    it('needs a session', async () => {
      await t
        .http()
        .get('/api/v1/calendar/business-days')
        .query({ from: '2026-04-30', days: 10 })
        .expect(401);
    });
  });

  describe('holidays', () => {
    it('holds the Catalan 2026 calendar and Lleida local holidays as reference data', async () => {
      const res = await t
        .http()
        .get('/api/v1/calendar/holidays')
        .query({ year: 2026 })
        .set(bearer(people.entity.token))
        .expect(200);
      const catalonia = res.body
        .filter((h: { scope: string }) => h.scope === 'catalonia')
        .map((h: { date: string }) => h.date);
      expect(catalonia).toEqual([
        '2026-01-01',
        '2026-01-06',
        '2026-04-03',
        '2026-04-06',
        '2026-05-01',
        '2026-06-24',
        '2026-08-15',
        '2026-09-11',
        '2026-10-12',
        '2026-12-08',
        '2026-12-25',
        '2026-12-26',
      ]);
      const lleida = res.body
        .filter((h: { scope: string }) => h.scope === 'local:25120')
        .map((h: { date: string }) => h.date);
      expect(lleida).toEqual(['2026-05-11', '2026-09-29']);
      const y2025 = await t
        .http()
        .get('/api/v1/calendar/holidays')
        .query({ year: 2025 })
        .set(bearer(people.viewer.token));
      expect(y2025.body.filter((h: { scope: string }) => h.scope === 'catalonia')).toHaveLength(13);
      expect(y2025.body.map((h: { date: string }) => h.date)).toContain('2025-05-12');
    });

    it('an admin adds and deletes a holiday, audited, and the count follows it', async () => {
      const admin = people.admin.token;
      const before = await t
        .http()
        .get('/api/v1/calendar/business-days')
        .query({ from: '2026-11-27', days: 1 })
        .set(bearer(admin));
      expect(before.body.dueDate).toBe('2026-11-30');
      const created = await t
        .http()
        .post('/api/v1/calendar/holidays')
        .set(bearer(admin))
        .send({ date: '2026-11-30', scope: 'local:25120', name: 'Festa de prova' })
        .expect(201);
      expect(created.body).toMatchObject({
        id: expect.any(String),
        date: '2026-11-30',
        scope: 'local:25120',
        name: 'Festa de prova',
      });
      const during = await t
        .http()
        .get('/api/v1/calendar/business-days')
        .query({ from: '2026-11-27', days: 1 })
        .set(bearer(admin));
      expect(during.body.dueDate).toBe('2026-12-01');
      const dup = await t
        .http()
        .post('/api/v1/calendar/holidays')
        .set(bearer(admin))
        .send({ date: '2026-11-30', scope: 'local:25120', name: 'Again' })
        .expect(409);
      expect(dup.body.code).toBe('DUPLICATE');
      await t.http().delete(`/api/v1/calendar/holidays/${created.body.id}`).set(bearer(admin)).expect(204);
      await t.http().delete(`/api/v1/calendar/holidays/${created.body.id}`).set(bearer(admin)).expect(404);
      const after = await t
        .http()
        .get('/api/v1/calendar/business-days')
        .query({ from: '2026-11-27', days: 1 })
        .set(bearer(admin));
      expect(after.body.dueDate).toBe('2026-11-30');
      const audit = await t
        .http()
        .get('/api/v1/audit')
        .query({ subjectType: 'holiday', subjectId: created.body.id })
        .set(bearer(admin));
      expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual([
        'holiday.deleted',
        'holiday.created',
      ]);
      expect(audit.body.items[0].before).toMatchObject({ date: '2026-11-30', scope: 'local:25120' });
    });

    it.each([
      [{ date: '2026-13-01', scope: 'catalonia', name: 'x' }, 'date'],
      [{ date: '2026-12-01', scope: 'regional', name: 'x' }, 'scope'],
      [{ date: '2026-12-01', scope: 'local:251', name: 'x' }, 'scope'],
      [{ date: '2026-12-01', scope: 'catalonia', name: '' }, 'name'],
      [{ date: '2026-12-01', scope: 'catalonia', name: 'x', extra: 1 }, 'extra'],
    ])('refuses %p with 400 naming %s', async (body, field) => {
      const res = await t
        .http()
        .post('/api/v1/calendar/holidays')
        .set(bearer(people.admin.token))
        .send(body)
        .expect(400);
      expect(Object.keys(res.body.errors)).toContain(field);
    });

    it.each(ROLES.filter((r) => r !== 'admin'))(
      '%s may read but not keep the calendar (403)',
      async (role) => {
        const token = people[role].token;
        await t.http().get('/api/v1/calendar/holidays').query({ year: 2026 }).set(bearer(token)).expect(200);
        const post = await t
          .http()
          .post('/api/v1/calendar/holidays')
          .set(bearer(token))
          .send({ date: '2026-12-02', scope: 'catalonia', name: 'x' })
          .expect(403);
        expect(post.body.code).toBe('FORBIDDEN');
        const list = await t.http().get('/api/v1/calendar/holidays').query({ year: 2026 }).set(bearer(token));
        await t.http().delete(`/api/v1/calendar/holidays/${list.body[0].id}`).set(bearer(token)).expect(403);
      },
    );
  });

  // Runs last: it enters the 2027 calendar, which the tests above assume absent.
  describe('a year without a holiday calendar (2027 is not seeded)', () => {
    const businessDays = (query: Record<string, unknown>) =>
      t.http().get('/api/v1/calendar/business-days').query(query).set(bearer(people.officer.token));
    const importHolidays = (token: string, body: Record<string, unknown>) =>
      t.http().post('/api/v1/calendar/holidays/import').set(bearer(token)).send(body);
    const holidaysOf = async (year: number) =>
      (
        await t
          .http()
          .get('/api/v1/calendar/holidays')
          .query({ year })
          .set(bearer(people.viewer.token))
          .expect(200)
      ).body as { id: string; date: string; scope: string; name: string }[];
    const reminders = () =>
      dataSource(t).query(
        `SELECT to_address, locale, subject, text FROM outbox_messages WHERE template = 'calendar_missing' ORDER BY to_address`,
      ) as Promise<{ to_address: string; locale: string; subject: string; text: string }[]>;

    it('refuses 22/12/2026 + 10 business days with 422 CALENDAR_MISSING naming 2027', async () => {
      const res = await businessDays({ from: '2026-12-22', days: 10 }).expect(422);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body).toMatchObject({ status: 422, code: 'CALENDAR_MISSING' });
      expect(res.body.detail).toContain('2027');
      expect(res.body.errors.year).toEqual([
        { code: 'NO_CALENDAR', params: { year: 2027 }, message: expect.stringContaining('2027') },
      ]);
      // Within 2026 it still counts, up to its last day.
      expect((await businessDays({ from: '2026-12-22', days: 6 }).expect(200)).body.dueDate).toBe(
        '2026-12-31',
      );
    });

    it('local holidays alone are not a calendar', async () => {
      const admin = people.admin.token;
      const local = await t
        .http()
        .post('/api/v1/calendar/holidays')
        .set(bearer(admin))
        .send({ date: '2027-05-11', scope: 'local:25120', name: 'Sant Anastasi' })
        .expect(201);
      expect((await businessDays({ from: '2026-12-22', days: 10 }).expect(422)).body.code).toBe(
        'CALENDAR_MISSING',
      );
      await t.http().delete(`/api/v1/calendar/holidays/${local.body.id}`).set(bearer(admin)).expect(204);
    });

    it("tells anyone the server's today and the year to warn about", async () => {
      const res = await t.http().get('/api/v1/calendar/status').set(bearer(people.entity.token)).expect(200);
      const today = dateInTimeZone(new Date());
      const year = Number(today.slice(0, 4));
      const known = calendarYearsOf((await holidaysOf(year)).concat(await holidaysOf(year + 1)));
      expect(res.body).toEqual({
        today,
        warnFrom: `${year}-10-01`,
        missingYear: missingCalendarYear(today, known),
        years: [
          { year, holidays: expect.any(Number), hasCalendar: known.has(year) },
          { year: year + 1, holidays: expect.any(Number), hasCalendar: known.has(year + 1) },
        ],
      });
      await t.http().get('/api/v1/calendar/status').expect(401);
    });

    it('e-mails every active admin once per year from 1 October, durably', async () => {
      const es = await t.user('admin', { locale: 'es' });
      const gone = await t.user('admin');
      await t
        .http()
        .patch(`/api/v1/users/${gone.id}`)
        .set(bearer(t.adminToken))
        .send({ active: false, version: gone.version })
        .expect(200);
      const reminder = t.app.get(CalendarReminderService);
      expect(await reminder.remindDue(new Date('2026-09-30T12:00:00Z'))).toBeNull();
      expect(await reminders()).toEqual([]);
      expect(await reminder.remindDue(new Date('2026-10-01T08:00:00Z'))).toBe(2027);
      const sent = await reminders();
      const to = sent.map((m) => m.to_address);
      expect(to).toContain(es.email);
      expect(to).toContain(people.admin.email);
      expect(to).not.toContain(gone.email);
      expect(to).not.toContain(people.officer.email);
      expect(new Set(to).size).toBe(to.length);
      const spanish = sent.find((m) => m.to_address === es.email)!;
      expect(spanish).toMatchObject({ locale: 'es', subject: 'Falta el calendario de festivos de 2027' });
      expect(spanish.text).toContain('http://cofinanca.test/calendar?year=2027');

      // Again later the same autumn: the year is recorded in the database (not in memory), so neither a second
      // run nor a restarted server e-mails again.
      expect(await dataSource(t).query('SELECT year FROM calendar_reminders')).toEqual([{ year: 2027 }]);
      expect(await reminder.remindDue(new Date('2026-11-15T08:00:00Z'))).toBeNull();
      expect(await reminders()).toHaveLength(sent.length);
      const audit = await t
        .http()
        .get('/api/v1/audit')
        .query({ action: 'calendar.reminder_sent' })
        .set(bearer(people.admin.token))
        .expect(200);
      expect(audit.body.items).toHaveLength(1);
      expect(audit.body.items[0].after).toEqual({ year: 2027, recipients: sent.length });
    });

    it('refuses a paste with bad lines naming each line, and stores none of it', async () => {
      const text = [
        "2027-01-01;Cap d'Any",
        '2027-02-30;Impossible',
        '2026-12-25;Nadal',
        '2027-03-01;regional;X',
      ].join('\n');
      const res = await importHolidays(people.admin.token, { text, year: 2027 }).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.errors).toEqual({
        'text.line2': [expect.objectContaining({ code: 'INVALID_DATE' })],
        'text.line3': [expect.objectContaining({ code: 'WRONG_YEAR', params: { year: 2027 } })],
        'text.line4': [expect.objectContaining({ code: 'INVALID_HOLIDAY_SCOPE' })],
      });
      expect(await holidaysOf(2027)).toEqual([]);
    });

    it.each([
      [{ text: '' }, 'text'],
      [{ text: '2027-01-01;x', scope: 'regional' }, 'scope'],
      [{ text: '2027-01-01;x', year: 'next' }, 'year'],
      [{ text: '2027-01-01;x', extra: 1 }, 'extra'],
      [{ text: '# nothing but a comment' }, 'text'],
    ])('refuses %p with 400 naming %s', async (body, field) => {
      const res = await importHolidays(people.admin.token, body).expect(400);
      expect(Object.keys(res.body.errors)).toContain(field);
    });

    it.each(ROLES.filter((r) => r !== 'admin'))('%s may not import holidays (403)', async (role) => {
      await importHolidays(people[role].token, { text: '2027-01-01;x' }).expect(403);
    });

    it('refuses, all or nothing, a line whose date and scope are in the calendar already (409)', async () => {
      const res = await importHolidays(people.admin.token, {
        text: "2027-01-01;Cap d'Any\n2026-12-25;Nadal",
      }).expect(409);
      expect(res.body).toMatchObject({
        code: 'DUPLICATE',
        errors: { 'text.line2': [expect.objectContaining({ code: 'TAKEN' })] },
      });
      expect(await holidaysOf(2027)).toEqual([]);
    });

    it('an admin enters a whole year at once (a CSV with a header), audited, and the deadline is computed', async () => {
      const csv = [
        'data;àmbit;nom',
        "2027-01-01;catalonia;Cap d'Any",
        '06/01/2027;catalonia;Reis',
        '2027-03-26;catalonia;Divendres Sant',
        '2027-05-11;local:25120;Sant Anastasi',
        '',
      ].join('\r\n');
      const res = await importHolidays(people.admin.token, { text: `\uFEFF${csv}`, year: 2027 }).expect(201);
      expect(res.body.map((h: { date: string; scope: string }) => [h.date, h.scope])).toEqual([
        ['2027-01-01', 'catalonia'],
        ['2027-01-06', 'catalonia'],
        ['2027-03-26', 'catalonia'],
        ['2027-05-11', 'local:25120'],
      ]);
      expect((await holidaysOf(2027)).map((h) => h.name)).toEqual([
        "Cap d'Any",
        'Reis',
        'Divendres Sant',
        'Sant Anastasi',
      ]);
      const audit = await t
        .http()
        .get('/api/v1/audit')
        .query({ subjectType: 'holiday', subjectId: res.body[1].id })
        .set(bearer(people.admin.token))
        .expect(200);
      expect(audit.body.items).toEqual([
        expect.objectContaining({
          action: 'holiday.created',
          actorId: people.admin.id,
          after: { date: '2027-01-06', scope: 'catalonia', name: 'Reis', imported: true },
        }),
      ]);
      // 1 and 6 January skipped: the deadline of 06/01/2027 the new user saw is now 08/01/2027.
      expect((await businessDays({ from: '2026-12-22', days: 10 }).expect(200)).body.dueDate).toBe(
        '2027-01-08',
      );
    });
  });
});
