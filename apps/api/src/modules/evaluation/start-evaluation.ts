import { Injectable } from '@nestjs/common';
import {
  APPLICATION_MACHINE,
  CALL_MACHINE,
  type CallAction,
  type CallContext,
  type CallStatus,
} from '@cofinanca/domain';
import type { EntityManager } from 'typeorm';
import { fieldIssue } from '@cofinanca/domain';
import { AppException, type FieldIssues } from '../../common/app.exception';
import { ApplicationEntity } from '../applications/application.entity';
import {
  APPLICATION_SUBJECT,
  invalidApplicationState,
  stateSnapshot,
} from '../applications/use-cases/admissibility-support';
import { CallEntity } from '../calls/call.entity';
import { invalidCallState } from '../calls/calls.service';
import { TransitionRunner } from '../workflow/transition-runner';
import { lockCall } from './evaluation-access';

/** The applications of a call still waiting for an admissibility decision. */
const PENDING = ['submitted', 'correction_requested'];

/**
 * An officer starts the evaluation of a closed call (`closed → evaluating`) once every application has its
 * admissibility decision: each admitted application goes `under_evaluation`, each through the application machine
 * with its own audit event, all in the call's transaction. While some are still `submitted` or
 * `correction_requested` it answers 422 ADMISSIBILITY_PENDING naming them.
 */
@Injectable()
export class StartEvaluation {
  constructor(private readonly runner: TransitionRunner) {}

  execute(id: string): Promise<CallEntity> {
    let started = 0;
    return this.runner.run<
      CallEntity,
      CallStatus,
      CallAction,
      CallContext,
      'DEADLINE_PASSED' | 'ADMISSIBILITY_PENDING',
      { pending: ApplicationEntity[] },
      CallEntity
    >({
      machine: CALL_MACHINE,
      action: 'start_evaluation',
      lock: (m) => lockCall(m, id),
      invalidState: (_r, call) =>
        invalidCallState(call, 'start_evaluation', 'Only a closed call starts its evaluation'),
      prepare: async (m, call) => {
        const pending = await m
          .getRepository(ApplicationEntity)
          .createQueryBuilder('a')
          .select(['a.id', 'a.registryNumber', 'a.status'])
          .where('a.call_id = :id AND a.status IN (:...pending)', { id: call.id, pending: PENDING })
          .orderBy('a.registry_number', 'ASC', 'NULLS LAST')
          .addOrderBy('a.id', 'ASC')
          .getMany();
        return { now: new Date(), closesAt: call.closesAt, pendingApplications: pending.length, pending };
      },
      refuse: (_r, _call, { pending }) => {
        const errors: FieldIssues = {};
        for (const app of pending) {
          errors[`applications.${app.id}`] = [
            fieldIssue('WRONG_STATE', { status: app.status, registryNumber: app.registryNumber ?? '—' }),
          ];
        }
        const names = pending.map((a) => a.registryNumber ?? a.id).join(', ');
        return new AppException(
          422,
          'ADMISSIBILITY_PENDING',
          `Evaluation cannot start while these applications await their admissibility decision: ${names}.`,
          errors,
        );
      },
      apply: async (m, call) => {
        const admitted = await m
          .getRepository(ApplicationEntity)
          .createQueryBuilder('a')
          .setLock('pessimistic_write')
          .where(`a.call_id = :id AND a.status = 'admitted'`, { id: call.id })
          .orderBy('a.registry_number', 'ASC', 'NULLS LAST')
          .addOrderBy('a.id', 'ASC')
          .getMany();
        for (const app of admitted) await this.toEvaluation(m, app);
        started = admitted.length;
      },
      save: (m, call) => m.getRepository(CallEntity).save(call),
      audit: {
        action: 'call.evaluation_started',
        subjectType: 'call',
        subjectId: (call) => call.id,
        before: (call) => ({ status: call.status }),
        after: (saved) => ({ status: saved.status, applications: started }),
      },
      answer: (_m, saved) => saved,
    });
  }

  /** One admitted application to `under_evaluation`, through the application machine, audited. */
  private toEvaluation(m: EntityManager, app: ApplicationEntity): Promise<ApplicationEntity> {
    return this.runner.run(
      {
        machine: APPLICATION_MACHINE,
        action: 'start_evaluation',
        lock: () => Promise.resolve(app),
        invalidState: (_r, row) => invalidApplicationState(row, 'start_evaluation'),
        save: (mm, row) => mm.getRepository(ApplicationEntity).save(row),
        audit: {
          action: 'application.evaluation_started',
          subjectType: APPLICATION_SUBJECT,
          subjectId: (row) => row.id,
          before: stateSnapshot,
          after: (saved) => stateSnapshot(saved),
        },
        answer: (_mm, saved) => saved,
      },
      m,
    );
  }
}
