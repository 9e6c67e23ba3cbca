import { LOCALES } from '@cofinanca/contracts';
import { renderTemplate } from '../templates';
import { ENTITIES_TEMPLATES, type EntityTemplateParams } from './entities.templates';

const PARAMS: EntityTemplateParams = {
  email_verification: {
    name: 'Anna',
    legalName: 'Associació Sahel',
    link: 'http://x/verify-email?token=abc',
    days: 7,
  },
  entity_registered: { legalName: 'Associació Sahel', nif: 'G25012345', link: 'http://x/entities/1' },
  entity_validated: { name: 'Anna', legalName: 'Associació Sahel' },
  entity_rejected: { name: 'Anna', legalName: 'Associació Sahel', reason: 'Motiu concret' },
  entity_suspended: { name: 'Anna', legalName: 'Associació Sahel', reason: 'Motiu concret' },
  entity_reactivated: { name: 'Anna', legalName: 'Associació Sahel' },
  entity_iban_changed: { legalName: 'Associació Sahel', nif: 'G25012345', link: 'http://x/entities/1' },
  entity_iban_validated: { name: 'Anna', legalName: 'Associació Sahel', ibanEnding: '1332' },
};

describe('entities e-mail templates', () => {
  it.each(Object.keys(ENTITIES_TEMPLATES) as (keyof EntityTemplateParams)[])(
    '%s: every language, each different, with every parameter in the text',
    (template) => {
      const params = PARAMS[template];
      const texts = LOCALES.map((l) => renderTemplate(template, l, params as never));
      expect(new Set(texts.map((t) => t.subject)).size).toBe(LOCALES.length);
      expect(new Set(texts.map((t) => t.text)).size).toBe(LOCALES.length);
      for (const t of texts) {
        for (const value of Object.values(params)) expect(t.text).toContain(String(value));
      }
    },
  );

  it('elides "de" before the entity’s name in Catalan subjects', () => {
    expect(renderTemplate('entity_rejected', 'ca', PARAMS.entity_rejected).subject).toBe(
      "No s'ha validat el registre d'Associació Sahel",
    );
    expect(renderTemplate('entity_iban_validated', 'ca', PARAMS.entity_iban_validated).subject).toBe(
      "S'ha validat el nou IBAN d'Associació Sahel",
    );
    expect(
      renderTemplate('entity_rejected', 'ca', { ...PARAMS.entity_rejected, legalName: 'Fundació Pau' })
        .subject,
    ).toBe("No s'ha validat el registre de Fundació Pau");
  });
});
