import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../api/problem';
import type { Meeting, Ranking } from '../../../api/types';
import '../../../i18n';
import { committeeApi } from '../api/committee-api';
import { MeetingEditor } from './MeetingEditor';

const APP = '00000000-0000-4000-8000-000000000001';
const agenda = {
  callId: 'c1',
  allocationMethod: 'rank_order',
  budget: '100000.00',
  allocated: '0.00',
  remaining: '100000.00',
  complete: false,
  items: [
    {
      rank: 1,
      applicationId: APP,
      registryNumber: 'REG-2026-000001',
      entityName: 'Associació Pous',
      title: 'Pous',
      total: 0,
      blocks: [],
      fundable: false,
      reasons: [],
      eligibleAmount: '10000.00',
      award: null,
      outcome: 'pending',
      partial: false,
      divergent: false,
      consensus: false,
      evaluated: false,
      bandPercent: null,
    },
  ],
} as Ranking;

const meeting: Meeting = {
  id: 'm1',
  callId: 'c1',
  heldOn: '2026-12-04',
  place: 'Sala de plens',
  members: [
    { name: 'Anna Puig', position: '', role: 'president', present: true },
    { name: 'Bernat Roca', position: '', role: 'secretary', present: false },
    { name: 'Clara Solé', position: '', role: 'member', present: false },
  ],
  recusals: [],
  quorumReached: false,
  quorum: { reached: false, voting: 3, votingPresent: 1, required: 2, issues: ['SECRETARY_ABSENT'] },
  agenda,
  status: 'draft',
  approvedAt: null,
  createdAt: '2026-12-04T10:00:00Z',
  version: 1,
};

function renderEditor() {
  const client = new QueryClient({ defaultOptions: { mutations: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <MemoryRouter>
        <MeetingEditor callId="c1" meeting={meeting} ranking={agenda} />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

beforeEach(() => vi.restoreAllMocks());
afterEach(cleanup);

describe('MeetingEditor', () => {
  it('follows the attendance in the quorum panel as it changes', () => {
    renderEditor();
    const panel = screen.getByRole('region', { name: 'Quòrum' });
    expect(panel.textContent).toContain('No hi ha quòrum.');
    expect(panel.textContent).toContain('1 de 3');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Membre 2 present' }));
    expect(panel.textContent).toContain('Hi ha quòrum.');
    expect(panel.textContent).toContain('2 de 3');
  });

  it("puts the API's 400 field errors on their fields and focuses the first", async () => {
    vi.spyOn(committeeApi, 'update').mockRejectedValue(
      new ApiError(400, {
        code: 'VALIDATION_FAILED',
        errors: {
          'members[2].name': [{ code: 'NOT_UNIQUE', message: 'not unique' }],
          'members[1].role': [{ code: 'NOT_UNIQUE', message: 'not unique' }],
        },
      } as never),
    );
    renderEditor();
    fireEvent.change(screen.getByRole('textbox', { name: /^Lloc/ }), { target: { value: 'Sala de juntes' } });
    fireEvent.click(screen.getByRole('button', { name: 'Desa la reunió' }));
    const name = await screen.findByRole('textbox', { name: 'Nom del membre 3' });
    await waitFor(() => expect(name.getAttribute('aria-invalid')).toBe('true'));
    const role = screen.getByRole('combobox', { name: 'Rol del membre 2' });
    expect(role.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(role.getAttribute('aria-describedby') as string)?.textContent).toBe(
      'No es pot repetir.',
    );
    // The first in the order of the form: member 2's role comes before member 3's name.
    await waitFor(() => expect(document.activeElement).toBe(role));
  });

  it("shows the approval's refusal in words: the conditions of the quorum that fail", async () => {
    vi.spyOn(committeeApi, 'approve').mockRejectedValue(
      new ApiError(422, {
        code: 'QUORUM_NOT_REACHED',
        errors: {
          'members.secretary': [{ code: 'REQUIRED', message: 'required' }],
          'members.present': [{ code: 'TOO_FEW', message: 'too few', params: { min: 2 } }],
        },
      } as never),
    );
    renderEditor();
    fireEvent.click(screen.getByRole('button', { name: "Aprova l'acta" }));
    const dialog = await screen.findByRole('alertdialog', { name: "Voleu aprovar l'acta?" });
    fireEvent.click(within(dialog).getByRole('button', { name: "Aprova l'acta" }));
    const region = screen.getByRole('region', { name: "Aprovació de l'acta" });
    const alert = await within(region).findByRole('alert');
    expect(alert.textContent).toContain('La secretaria no és present.');
    expect(alert.textContent).toContain('No hi ha prou membres amb vot presents.');
    expect(alert.textContent).not.toContain('La presidència no és present.');
    expect(committeeApi.approve).toHaveBeenCalledWith('m1', 1);
  });
});
