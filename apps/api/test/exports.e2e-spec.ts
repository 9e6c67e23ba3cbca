import ExcelJS from 'exceljs';
import { ROLES, type Role } from '@cofinanca/contracts';
import { bearer, createTestApp, unique, type TestApp, type TestUser } from './utils/test-app';
import { dataSource, insertCall, insertEntity } from './utils/fixtures';
import { binary, submittedApplication } from './utils/submission-fixtures';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Every list with an export, the role that may read it, and its first Catalan header. */
const LISTS = [
  {
    path: '/api/v1/users/export',
    reader: 'admin',
    first: 'Adreça electrònica',
    denied: ['viewer', 'entity'],
  },
  { path: '/api/v1/calls/export', reader: 'officer', first: 'Codi', denied: ['admin', 'viewer', 'entity'] },
  { path: '/api/v1/entities/export', reader: 'officer', first: 'Nom legal', denied: ['viewer', 'entity'] },
  {
    path: '/api/v1/applications/export',
    reader: 'officer',
    first: 'Número de registre',
    denied: ['admin', 'viewer'],
  },
  {
    path: '/api/v1/audit/export',
    reader: 'officer',
    first: 'Data i hora',
    denied: ['viewer', 'entity', 'finance'],
  },
] as const;

describe('exports (CSV and XLSX)', () => {
  let t: TestApp;
  const people = {} as Record<Role, TestUser>;
  let english: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    for (const role of ROLES) people[role] = await t.user(role);
    english = await t.user('officer', { locale: 'en' });
  });
  afterAll(() => t.close());

  const get = (path: string, token?: string) => {
    const req = t.http().get(path).buffer(true).parse(binary);
    return token ? req.set(bearer(token)) : req;
  };
  const csv = (res: { body: Buffer }) => res.body.toString('utf8');
  const workbook = async (res: { body: Buffer }) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as unknown as ArrayBuffer);
    return wb.worksheets[0];
  };

  describe.each(LISTS)('$path', ({ path, reader, first, denied }) => {
    it('CSV: BOM, `;`, CRLF and Catalan headers for a Catalan reader', async () => {
      const res = await get(`${path}.csv`, people[reader].token).expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
      expect(res.headers['content-disposition']).toMatch(/attachment; filename=".+\.csv"/);
      expect([...res.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const [header] = csv(res).slice(1).split('\r\n');
      expect(header.split(';')[0]).toBe(first);
    });

    it('XLSX: a bold, frozen, filtered header row in the reader’s language', async () => {
      const res = await get(`${path}.xlsx`, people[reader].token).expect(200);
      expect(res.headers['content-type']).toBe(XLSX);
      expect(res.headers['content-disposition']).toMatch(/attachment; filename=".+\.xlsx"/);
      const ws = await workbook(res);
      expect(ws.getRow(1).getCell(1).value).toBe(first);
      expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.autoFilter).toMatch(/^A1:[A-Z]+1$/);
    });

    it('XLSX has the permissions of the CSV', async () => {
      for (const role of denied) {
        const [c, x] = await Promise.all([
          get(`${path}.csv`, people[role].token),
          get(`${path}.xlsx`, people[role].token),
        ]);
        expect([role, c.status]).toEqual([role, 403]);
        expect([role, x.status]).toEqual([role, 403]);
      }
      expect((await get(`${path}.xlsx`)).status).toBe(401);
    });
  });

  describe('calls', () => {
    let code: string;
    beforeAll(async () => {
      code = unique('EXP').toUpperCase();
      await insertCall(t, {
        code,
        budget: '1234567.89',
        maxCofinancingPercent: '80.00',
        opensAt: new Date('2026-12-31T23:30:00Z'),
      });
    });

    it('CSV: statuses in words, a decimal comma and Madrid time for ca; English for an English reader', async () => {
      const ca = csv(await get(`/api/v1/calls/export.csv?q=${code}`, people.officer.token).expect(200));
      const [header, row] = ca.slice(1).split('\r\n');
      expect(header).toBe(
        'Codi;Any;Títol;Estat;Modalitats;Pressupost;Import màxim per sol·licitud;Cofinançament màxim (%);Obertura;Tancament;Publicada;Tancada;Creada',
      );
      const cells = row.split(';');
      expect(cells[0]).toBe(code);
      expect(cells[3]).toBe('Publicada');
      expect(cells[5]).toBe('1234567,89');
      expect(cells[7]).toBe('80,00');
      expect(cells[8]).toBe('01/01/2027 00:30:00');

      const en = csv(await get(`/api/v1/calls/export.csv?q=${code}`, english.token).expect(200));
      const [enHeader, enRow] = en.slice(1).split('\r\n');
      expect(enHeader.startsWith('Code;Year;Title;Status;Modalities;Budget;')).toBe(true);
      expect(enRow.split(';')[3]).toBe('Published');
      expect(enRow.split(';')[5]).toBe('1234567.89');
    });

    it('XLSX: a number is a number, money a number with a euro format, an instant a date on the Madrid clock', async () => {
      const ws = await workbook(
        await get(`/api/v1/calls/export.xlsx?q=${code}`, people.officer.token).expect(200),
      );
      expect(ws.rowCount).toBe(2);
      const row = ws.getRow(2);
      expect(row.getCell(1).value).toBe(code);
      expect(typeof row.getCell(2).value).toBe('number');
      expect(row.getCell(4).value).toBe('Publicada');
      expect(row.getCell(6).value).toBe(1234567.89);
      expect(row.getCell(6).numFmt).toBe('#,##0.00 "€"');
      expect(row.getCell(8).value).toBe(80);
      expect(row.getCell(9).value).toBeInstanceOf(Date);
      expect((row.getCell(9).value as Date).toISOString()).toBe('2027-01-01T00:30:00.000Z');
    });
  });

  it('applications: statuses and money in words and numbers, with the filters of the list', async () => {
    const app = await submittedApplication(t);
    const res = await get(
      `/api/v1/applications/export.csv?callId=${app.call.id}&status=submitted`,
      people.officer.token,
    ).expect(200);
    const lines = csv(res).slice(1).trim().split('\r\n');
    expect(lines).toHaveLength(2);
    const cells = lines[1].split(';');
    expect(cells[0]).toBe(app.registryNumber);
    expect(cells[1]).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}$/);
    expect(cells[2]).toBe('Presentada');
    expect(cells[9]).toMatch(/^\d+,\d{2}$/);
    const ws = await workbook(
      await get(`/api/v1/applications/export.xlsx?callId=${app.call.id}`, people.officer.token).expect(200),
    );
    expect(ws.getRow(2).getCell(1).value).toBe(app.registryNumber);
    expect(ws.getRow(2).getCell(2).value).toBeInstanceOf(Date);
    expect(typeof ws.getRow(2).getCell(10).value).toBe('number');
    // An entity exports only its own applications, in the XLSX as in the CSV.
    const own = await workbook(
      await get(`/api/v1/applications/export.xlsx`, app.applicant.user.token).expect(200),
    );
    expect(own.rowCount).toBe(2);
  });

  describe('audit', () => {
    it('names each subject by what a person knows, in the list and in the exports', async () => {
      const entity = await insertEntity(t);
      const app = await submittedApplication(t);
      const user = await t.user('viewer');
      const list = async (q: Record<string, string>) =>
        (await t.http().get('/api/v1/audit').query(q).set(bearer(people.officer.token)).expect(200)).body
          .items as { subjectLabel: string | null; action: string }[];
      expect((await list({ subjectId: user.id, action: 'user.created' }))[0].subjectLabel).toBe(user.email);
      expect((await list({ subjectId: app.id, action: 'application.submitted' }))[0].subjectLabel).toBe(
        app.registryNumber,
      );
      expect((await list({ subjectId: app.call.id }))[0]?.subjectLabel ?? null).toBeNull(); // inserted, not audited
      await t
        .http()
        .patch(`/api/v1/entities/${entity.id}`)
        .set(bearer(people.officer.token))
        .send({ version: entity.version, phone: '973000000' })
        .expect(200);
      expect((await list({ subjectId: entity.id, action: 'entity.updated' }))[0].subjectLabel).toBe(
        entity.legalName,
      );

      const text = csv(
        await get(
          `/api/v1/audit/export.csv?subjectId=${app.id}&action=application.submitted`,
          people.officer.token,
        ).expect(200),
      );
      const row = text.slice(1).split('\r\n')[1].split(';');
      expect(row[3]).toBe('Sol·licitud presentada');
      expect(row[4]).toBe('Sol·licitud');
      expect(row[5]).toBe(app.registryNumber);
      const en = csv(
        await get(
          `/api/v1/audit/export.csv?subjectId=${app.id}&action=application.submitted`,
          english.token,
        ).expect(200),
      );
      expect(en.slice(1).split('\r\n')[1].split(';')[3]).toBe('Application submitted');
    });

    it('streams an export of many rows, page after page', async () => {
      const tag = unique('bulk');
      const n = 1234;
      await dataSource(t).query(
        `INSERT INTO audit_events (actor_roles, action, subject_type, subject_id, after)
         SELECT '{}', 'holiday.created', 'holiday', $1, jsonb_build_object('i', g) FROM generate_series(1, $2) g`,
        [tag, n],
      );
      const text = csv(
        await get(`/api/v1/audit/export.csv?subjectId=${tag}`, people.officer.token).expect(200),
      );
      const lines = text.slice(1).trim().split('\r\n');
      expect(lines).toHaveLength(n + 1);
      expect(new Set(lines.slice(1).map((l) => l.match(/""i"":(\d+)/)?.[1])).size).toBe(n);
      const ws = await workbook(
        await get(`/api/v1/audit/export.xlsx?subjectId=${tag}`, people.officer.token).expect(200),
      );
      expect(ws.rowCount).toBe(n + 1);
      expect(ws.getRow(n + 1).getCell(4).value).toBe('Festiu afegit');
    });
  });
});
