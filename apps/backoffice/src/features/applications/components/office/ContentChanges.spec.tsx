import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render as renderDom, screen, within } from '@testing-library/react';
import type { ReactElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import '../../../../i18n';
import i18n from '../../../../i18n';
import { ContentChanges } from './ContentChanges';

afterEach(cleanup);

const render = (ui: ReactElement) =>
  renderDom(<QueryClientProvider client={new QueryClient()}>{ui}</QueryClientProvider>);

const changes = [
  { path: 'title', before: 'Aigua a Kolda', after: 'Aigua i sanejament a Kolda' },
  { path: 'budgetLines[0].amount', before: '15000.00', after: '16000.50' },
  { path: 'endDate', before: '2027-12-31', after: null },
  {
    path: 'budgetLines[2]',
    before: null,
    after: {
      code: 'A3',
      category: 'Viatges',
      description: 'Bitllets',
      amount: '500.00',
      requestedAmount: '0.00',
    },
  },
  { path: 'beneficiaries.direct.women', before: 100, after: 1200 },
  {
    path: 'documents',
    before: null,
    after: { id: 'd', type: 'correction', fileName: 'esmena.pdf', sizeBytes: 10, sha256: 'ab'.repeat(32) },
  },
];

const items = () =>
  within(screen.getByRole('list', { name: /./ }))
    .getAllByRole('listitem')
    .map((li) => li.textContent?.replace(/\s+/g, ' ').trim());

describe('ContentChanges', () => {
  it('lists "field: before → after" with the labels and formats of the language (ca)', async () => {
    await i18n.changeLanguage('ca');
    render(<ContentChanges changes={changes} call={undefined} />);
    expect(screen.getByRole('list', { name: 'Canvis respecte de la sol·licitud presentada' })).toBeTruthy();
    const [title, amount, end, line, women, doc] = items();
    expect(title).toBe('Títol del projecte: Aigua a Kolda → passa a Aigua i sanejament a Kolda');
    expect(amount).toMatch(/^Partides del pressupost 1 · Import: 15\.000,00 € → passa a 16\.000,50 €$/);
    expect(end).toMatch(/: 31\/12\/2027 → passa a \(buit\)$/);
    expect(line).toMatch(
      /^Partides del pressupost 3: \(buit\) → passa a A3 · Viatges · Bitllets · 500,00 € · 0,00 €$/,
    );
    expect(women).toMatch(/· Dones: 100 → passa a 1\.200$/);
    expect(doc).toMatch(/^Documents \(afegit\): \(buit\) → passa a esmena\.pdf \(SHA-256 abababababab…\)$/);
  });

  it('speaks Spanish and English too', async () => {
    await i18n.changeLanguage('en');
    render(<ContentChanges changes={changes.slice(0, 2)} call={undefined} />);
    expect(items()[1]).toMatch(/Amount: €15,000\.00 → becomes €16,000\.50$/);
    cleanup();
    await i18n.changeLanguage('es');
    render(<ContentChanges changes={changes.slice(0, 1)} call={undefined} />);
    expect(items()[0]).toMatch(/: Aigua a Kolda → pasa a Aigua i sanejament a Kolda$/);
    await i18n.changeLanguage('ca');
  });

  it('says so when nothing changed', async () => {
    await i18n.changeLanguage('ca');
    render(<ContentChanges changes={[]} call={undefined} />);
    expect(screen.getByText("L'entitat no ha canviat cap camp ni cap document.")).toBeTruthy();
  });
});
