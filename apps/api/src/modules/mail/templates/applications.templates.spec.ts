import { LOCALES } from '@cofinanca/contracts';
import { renderTemplate, type TemplateParams } from '../templates';
import { APPLICATIONS_TEMPLATES } from './applications.templates';

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

  it.each(Object.keys(PARAMS) as (keyof typeof PARAMS)[])(
    '%s: Catalan elides "de" before the entity’s name',
    (template) => {
      const { subject, text } = renderTemplate(template, 'ca', PARAMS[template] as never);
      expect(subject + text).toContain('Associació Col·lectiu');
      expect(subject + text).not.toMatch(/\bde Associació/);
    },
  );

  it('writes "de la", "del" and "de" + consonant as Catalan does', () => {
    const render = (entityName: string) =>
      renderTemplate('application_admitted', 'ca', { ...ref, entityName }).text;
    expect(render('Amics de la Terra')).toContain("(«Aigua a Ziguinxor») d'Amics de la Terra a la");
    expect(render('El Casal')).toContain('del Casal a la');
    expect(render('Fundació Pau')).toContain('de Fundació Pau a la');
    expect(renderTemplate('application_admitted', 'es', { ...ref, entityName: 'Amigos' }).text).toContain(
      'de Amigos en la',
    );
  });
});
