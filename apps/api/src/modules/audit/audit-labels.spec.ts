import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AUDIT_ACTION_LABELS, AUDIT_SUBJECT_TYPE_LABELS, LOCALES } from '@cofinanca/contracts';

/** Every `*.ts` source file of the API (not the tests). */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

const code = sources(join(__dirname, '..', '..')).map((f) => readFileSync(f, 'utf8'));
/** Action codes as the API writes them: `action: 'x.y'`, `audit: 'x.y'` and `? 'x.y' : 'x.z'` alternatives. */
const actions = new Set(
  code.flatMap((text) =>
    [
      ...text.matchAll(
        /(?:action|audit):\s*(?:[^,;{}]*?\?\s*)?'([a-z_]+\.[a-z_]+)'(?:\s*:\s*'([a-z_]+\.[a-z_]+)')?/g,
      ),
    ]
      .flatMap((m) => [m[1], m[2]])
      .filter((a): a is string => Boolean(a) && a !== 'e.action'),
  ),
);
const subjectTypes = new Set(
  code.flatMap((text) => [...text.matchAll(/subjectType:\s*'([a-z_]+)'/g)].map((m) => m[1])),
);

describe('audit words', () => {
  it('finds the actions the API records', () => {
    expect(actions).toContain('application.submitted');
    expect(actions).toContain('auth.invitation_accepted');
    expect(actions).toContain('entity.validated');
    expect(actions.size).toBeGreaterThan(30);
  });

  it.each([...actions].sort())('%s has words in ca, es and en', (action) => {
    for (const l of LOCALES) expect(AUDIT_ACTION_LABELS[action]?.[l]).toBeTruthy();
  });

  it.each([...subjectTypes].sort())('subject type %s has words in ca, es and en', (type) => {
    for (const l of LOCALES) expect(AUDIT_SUBJECT_TYPE_LABELS[type]?.[l]).toBeTruthy();
  });
});
