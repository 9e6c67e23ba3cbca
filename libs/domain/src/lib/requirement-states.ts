/**
 * The life of a correction request (requeriment d'esmena, LPAC art. 68) sent about a submitted application:
 *
 *   open ──answer──▶ answered
 *     ├──expire──▶ expired   (desistiment declared on it)
 *     └──close───▶ closed    (the application left the procedure otherwise: withdrawn, declared inadmissible)
 *
 * An application has at most one open request; only an open one is answered, expired or closed.
 */
import { defineStateMachine } from './state-machine';

export const REQUIREMENT_STATUSES = ['open', 'answered', 'expired', 'closed'] as const;
export type RequirementStatus = (typeof REQUIREMENT_STATUSES)[number];

export const REQUIREMENT_MACHINE = defineStateMachine<RequirementStatus, 'answer' | 'expire' | 'close'>({
  name: 'correction request',
  states: REQUIREMENT_STATUSES,
  initial: 'open',
  actions: {
    answer: { from: ['open'], to: 'answered' },
    expire: { from: ['open'], to: 'expired' },
    close: { from: ['open'], to: 'closed' },
  },
});

export const REQUIREMENT_ACTIONS = REQUIREMENT_MACHINE.actions;
export type RequirementAction = (typeof REQUIREMENT_ACTIONS)[number];
