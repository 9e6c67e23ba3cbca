import type { ReactNode } from 'react';
import { usePageTitle } from '../lib/use-page-title';

/** The h1 of a page, which also names the browser tab. */
export function PageHeader({ title, intro }: { title: string; intro?: ReactNode }) {
  usePageTitle(title);
  return (
    <div className="page-header">
      <h1>{title}</h1>
      {intro && <p className="page-intro">{intro}</p>}
    </div>
  );
}
