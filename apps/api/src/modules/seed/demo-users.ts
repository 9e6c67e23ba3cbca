import type { Role } from '@cofinanca/contracts';

/**
 * Demo accounts (SEED_DEMO): one per role, three evaluators (automatic assignment of two per application around a
 * conflict) and one entity user per demo NGO (`entityNif`, see DEMO_ENTITIES). Demo only — never on a real
 * installation.
 */
export const DEMO_USERS: { role: Role; email: string; name: string; password: string; entityNif?: string }[] =
  [
    {
      role: 'admin',
      email: 'admin@demo.cofinanca.cat',
      name: 'Administradora Demo',
      password: 'Cofinanca-admin-2026',
    },
    {
      role: 'officer',
      email: 'officer@demo.cofinanca.cat',
      name: 'Tècnica de Cooperació Demo',
      password: 'Cofinanca-officer-2026',
    },
    {
      role: 'evaluator',
      email: 'evaluator@demo.cofinanca.cat',
      name: 'Avaluador Demo',
      password: 'Cofinanca-evaluator-2026',
    },
    {
      role: 'evaluator',
      email: 'evaluator2@demo.cofinanca.cat',
      name: 'Avaluadora Demo 2 (Universitat)',
      password: 'Cofinanca-evaluator2-2026',
    },
    {
      role: 'evaluator',
      email: 'evaluator3@demo.cofinanca.cat',
      name: 'Avaluador Demo 3 (Fons Català)',
      password: 'Cofinanca-evaluator3-2026',
    },
    {
      role: 'finance',
      email: 'finance@demo.cofinanca.cat',
      name: 'Intervenció Demo',
      password: 'Cofinanca-finance-2026',
    },
    {
      role: 'viewer',
      email: 'viewer@demo.cofinanca.cat',
      name: 'Consell Mixt Demo',
      password: 'Cofinanca-viewer-2026',
    },
    {
      role: 'entity',
      email: 'entity@demo.cofinanca.cat',
      name: 'ONG Demo',
      password: 'Cofinanca-entity-2026',
      entityNif: 'G25123456',
    },
    {
      role: 'entity',
      email: 'entity2@demo.cofinanca.cat',
      name: 'ONG Demo 2 (Fundació Segre)',
      password: 'Cofinanca-entity2-2026',
      entityNif: 'G25401878',
    },
    {
      role: 'entity',
      email: 'entity3@demo.cofinanca.cat',
      name: 'ONG Demo 3 (Dones del Sud)',
      password: 'Cofinanca-entity3-2026',
      entityNif: 'G25619321',
    },
    {
      role: 'entity',
      email: 'entity4@demo.cofinanca.cat',
      name: 'ONG Demo 4 (Ponent amb Amèrica Llatina)',
      password: 'Cofinanca-entity4-2026',
      entityNif: 'G25773045',
    },
  ];

/** The demo evaluator whose register of interests names a demo NGO (membership): a conflict on the board. */
export const DEMO_CONFLICTED_EVALUATOR = { email: 'evaluator3@demo.cofinanca.cat', entityNif: 'G25401878' };
