import { LOCALES } from '@cofinanca/contracts';
import { renderTemplate, type TemplateParams } from '../templates';
import {
  APPLICATIONS_TEMPLATES,
  formatAmount,
  formatBytes,
  formatDate,
  formatInstant,
  isoInCouncilTime,
} from './applications.templates';

const ref = {
  name: 'Núria',
  registryNumber: 'REG-2026-000042',
  title: 'Aigua a Ziguinxor',
  entityName: 'Associació Col·lectiu',
  callCode: 'COOP-2026',
  callTitle: 'Convocatòria 2026',
  link: 'http://x/applications/1',
};

const PARAMS: { [T in keyof typeof APPLICATIONS_TEMPLATES]: TemplateParams[T] } = {
  application_submitted: {
    ...ref,
    submittedAt: '2026-03-02T08:30:15.000Z',
    requestedAmount: '12000.50',
    documents: [{ name: 'projecte.pdf', sha256: 'a'.repeat(64) }],
  },
  application_withdrawn: ref,
  application_correction_requested: {
    ...ref,
    items: ['Signeu el pressupost', 'Aporteu els estatuts'],
    notifiedOn: '2026-04-30',
    dueDate: '2026-05-18',
    days: 10,
  },
  application_correction_answered: {
    ...ref,
    message: 'Fet.',
    documents: 2,
    dueDate: '2026-05-18',
    late: true,
  },
  application_admitted: ref,
  application_declared_inadmissible: { ...ref, reason: 'Fora de termini' },
  application_declared_withdrawn: { ...ref, reason: 'Sense resposta', dueDate: '2026-05-18' },
};

describe('applications e-mail templates', () => {
  it.each(Object.keys(PARAMS) as (keyof typeof PARAMS)[])(
    '%s: three languages, each its own, with the number and the link',
    (template) => {
      const texts = LOCALES.map((l) => renderTemplate(template, l, PARAMS[template] as never));
      expect(new Set(texts.map((t) => t.subject)).size).toBe(LOCALES.length);
      for (const t of texts) {
        expect(t.subject + t.text).toContain('REG-2026-000042');
        expect(t.text).toContain('http://x/applications/1');
        expect(t.text).not.toContain('undefined');
      }
    },
  );

  it('puts the receipt details in the Catalan e-mail', () => {
    const text = renderTemplate('application_submitted', 'ca', PARAMS.application_submitted).text.replace(
      /\u00a0/g,
      ' ',
    );
    expect(text).toContain(
      'Data i hora de presentació: 2 de març del 2026, a les 9:30:15 (2026-03-02T09:30:15+01:00)',
    );
    expect(text).toContain('Import sol·licitat: 12.000,50 €');
    expect(text).toContain(`- projecte.pdf: ${'a'.repeat(64)}`);
  });

  it('numbers the items of a correction request and gives the due date in words', () => {
    const { text } = renderTemplate(
      'application_correction_requested',
      'es',
      PARAMS.application_correction_requested,
    );
    expect(text).toContain('1. Signeu el pressupost\n2. Aporteu els estatuts');
    expect(text).toContain('hasta el 18 de mayo de 2026 inclusive');
  });
});

describe('formatting', () => {
  it.each([
    ['ca', '18 de maig del 2026', '1.234.567,89 €'],
    ['es', '18 de mayo de 2026', '1.234.567,89 €'],
    ['en', '18 May 2026', '€1,234,567.89'],
  ] as const)('%s dates and money', (locale, date, amount) => {
    expect(formatDate('2026-05-18', locale)).toBe(date);
    expect(formatAmount('1234567.89', locale).replace(/\u00a0/g, ' ')).toBe(amount);
  });

  it('formats amounts exactly, beyond floating-point precision', () => {
    expect(formatAmount('999999999999.99', 'en')).toBe('€999,999,999,999.99');
  });

  it('reads instants on the council clock, summer and winter', () => {
    expect(isoInCouncilTime('2026-07-01T10:00:00Z')).toBe('2026-07-01T12:00:00+02:00');
    expect(isoInCouncilTime('2026-12-31T23:30:00Z')).toBe('2027-01-01T00:30:00+01:00');
    expect(formatInstant('2026-12-31T23:30:00Z', 'en')).toBe('1 January 2027 at 00:30:00');
  });

  it('gives file sizes in the reader’s units', () => {
    expect(formatBytes(512, 'ca')).toBe('512 B');
    expect(formatBytes(12_700, 'ca')).toBe('12,4 kB');
    expect(formatBytes(3_250_000, 'en')).toBe('3.1 MB');
  });
});
