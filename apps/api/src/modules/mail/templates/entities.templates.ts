import type { TemplateSet } from './types';

/** E-mails of the entities feature: parameters per template. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface EntityTemplateParams {}

export const ENTITIES_TEMPLATES: TemplateSet<EntityTemplateParams> = {};
