import type { Locale } from '@cofinanca/contracts';

export type Renderer<P> = (p: P) => { subject: string; text: string };

/** Templates of one feature: for each name, a renderer per language (ca, es, en — all three required). */
export type TemplateSet<P> = { [T in keyof P]: Record<Locale, Renderer<P[T]>> };
