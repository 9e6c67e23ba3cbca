import type { TemplateSet } from './types';

/** E-mails of the applications feature: parameters per template. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ApplicationTemplateParams {}

export const APPLICATIONS_TEMPLATES: TemplateSet<ApplicationTemplateParams> = {};
