import type { TemplateSet } from './types';

/** E-mails of the calls feature: parameters per template. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface CallTemplateParams {}

export const CALLS_TEMPLATES: TemplateSet<CallTemplateParams> = {};
