import { defineStateMachine } from '@cofinanca/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { AppException } from '../../common/app.exception';
import type { AuditInput, AuditService } from '../audit/audit.service';
import type { MailService } from '../mail/mail.service';
import { email, TransitionRunner, type TransitionSpec } from './transition-runner';

const machine = defineStateMachine<'a' | 'b', 'go', { ok: boolean }, 'NOT_OK'>({
  name: 'test',
  states: ['a', 'b'],
  initial: 'a',
  actions: { go: { from: ['a'], to: 'b', guard: ({ ok }) => (ok ? null : 'NOT_OK') } },
});

interface Row {
  id: string;
  status: string;
  note: string | null;
}

/** A runner over fakes that log every step, to check the order and what reaches the audit log and the outbox. */
function setup() {
  const log: string[] = [];
  const audits: AuditInput[] = [];
  const mails: unknown[][] = [];
  const manager = {
    save: async (row: Row) => {
      log.push(`save ${row.status} ${row.note}`);
      return row;
    },
  } as unknown as EntityManager;
  const dataSource = {
    transaction: async (work: (m: EntityManager) => Promise<unknown>) => {
      log.push('begin');
      const out = await work(manager);
      log.push('commit');
      return out;
    },
  } as unknown as DataSource;
  const audit = {
    record: async (_m: EntityManager, input: AuditInput) => {
      log.push(`audit ${input.action}`);
      audits.push(input);
    },
  } as unknown as AuditService;
  const mail = {
    enqueue: async (...args: unknown[]) => {
      log.push(`mail ${String(args[3])}`);
      mails.push(args.slice(1));
      return 'id';
    },
  } as unknown as MailService;
  return { runner: new TransitionRunner(dataSource, audit, mail), log, audits, mails, manager };
}

function spec(
  row: Row,
  log: string[],
  over: Partial<
    TransitionSpec<Row, 'a' | 'b', 'go', { ok: boolean }, 'NOT_OK', { ok: boolean }, string>
  > = {},
): TransitionSpec<Row, 'a' | 'b', 'go', { ok: boolean }, 'NOT_OK', { ok: boolean }, string> {
  return {
    machine,
    action: 'go',
    lock: async () => {
      log.push('lock');
      return row;
    },
    invalidState: (refusal) => AppException.conflict('INVALID_STATE', `refused ${refusal.reason}`),
    prepare: () => {
      log.push('prepare');
      return { ok: true };
    },
    apply: (_m, r) => {
      log.push(`apply ${r.status}`);
      r.note = 'changed';
    },
    audit: {
      action: 'test.went',
      subjectType: 'test',
      subjectId: (r) => r.id,
      before: (r) => ({ status: r.status, note: r.note }),
      after: (r) => ({ status: r.status, note: r.note }),
    },
    emails: () => [
      email({ email: 'x@example.org', locale: 'xx' }, 'password_reset', {
        name: 'X',
        link: 'L',
        minutes: 30,
      }),
    ],
    answer: (_m, saved) => {
      log.push('answer');
      return `answered ${saved.status}`;
    },
    ...over,
  };
}

describe(TransitionRunner.name, () => {
  it('locks, checks, prepares, guards, changes, saves, audits, e-mails and answers, in that order, in one transaction', async () => {
    const { runner, log, audits, mails } = setup();
    const row: Row = { id: 'r1', status: 'a', note: null };
    await expect(runner.run(spec(row, log))).resolves.toBe('answered b');
    expect(log).toEqual([
      'begin',
      'lock',
      'prepare',
      'apply b',
      'save b changed',
      'audit test.went',
      'mail password_reset',
      'answer',
      'commit',
    ]);
    expect(audits).toEqual([
      {
        action: 'test.went',
        subjectType: 'test',
        subjectId: 'r1',
        before: { status: 'a', note: null },
        after: { status: 'b', note: 'changed' },
      },
    ]);
    // An unknown locale falls back to Catalan.
    expect(mails).toEqual([['x@example.org', 'ca', 'password_reset', { name: 'X', link: 'L', minutes: 30 }]]);
  });

  it('refuses a state the machine does not allow before preparing anything', async () => {
    const { runner, log, audits } = setup();
    const row: Row = { id: 'r1', status: 'b', note: null };
    await expect(runner.run(spec(row, log))).rejects.toThrow('refused INVALID_STATE');
    expect(log).toEqual(['begin', 'lock']);
    expect(audits).toEqual([]);
  });

  it('refuses through `refuse` when the guard says no, after preparing and before changing', async () => {
    const { runner, log } = setup();
    const row: Row = { id: 'r1', status: 'a', note: null };
    const run = runner.run(
      spec(row, log, {
        prepare: () => {
          log.push('prepare');
          return { ok: false };
        },
        refuse: (refusal) => new AppException(422, 'DEADLINE_NOT_PASSED', `guard ${refusal.reason}`),
      }),
    );
    await expect(run).rejects.toThrow('guard NOT_OK');
    expect(log).toEqual(['begin', 'lock', 'prepare']);
    expect(row.status).toBe('a');
  });

  it('runs inside a given transaction, with a custom state field and the system as the actor', async () => {
    const { runner, log, audits, manager } = setup();
    const row = { id: 'r2', status: 'ignored', phase: 'a', note: null } as Row & { phase: string };
    const out = await runner.run(
      {
        ...spec(row, log),
        stateOf: (r) => (r as typeof row).phase,
        setState: (r, to) => {
          (r as typeof row).phase = to;
        },
        prepare: undefined,
        audit: { ...spec(row, log).audit, actor: null },
        emails: undefined,
      },
      manager,
    );
    expect(out).toBe('answered ignored');
    expect(row.phase).toBe('b');
    expect(log).not.toContain('begin');
    expect(audits[0]).toMatchObject({ actor: null });
  });
});
