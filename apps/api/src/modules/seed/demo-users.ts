import type { Role } from '@cofinanca/contracts';

/** Demo accounts (SEED_DEMO): one per role. Demo only — never on a real installation. */
export const DEMO_USERS: { role: Role; email: string; name: string; password: string }[] = [
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
  { role: 'entity', email: 'entity@demo.cofinanca.cat', name: 'ONG Demo', password: 'Cofinanca-entity-2026' },
];
