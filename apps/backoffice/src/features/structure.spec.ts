/// <reference types="node" />
/**
 * The shape of the back-office, checked: features are by resource and never import each other in a cycle; the
 * shared layers (components, lib, api, i18n) never import a feature; every TanStack Query key comes from the keys
 * module. A new feature (evaluation, payments…) that breaks one of these fails here, not in review.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

const files = sourceFiles(src);
const IMPORT = /(?:from\s+|import\s*\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g;

/** The top-level area of a file: `features/<name>`, or the shared folder it lives in. */
function areaOf(file: string): string {
  const [top, second] = relative(src, file).split(sep);
  return top === 'features' && second ? `features/${second}` : (top ?? '');
}

/** The areas each area imports (relative imports only: packages are not ours). */
function importGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of files) {
    const from = areaOf(file);
    const edges = graph.get(from) ?? new Set<string>();
    graph.set(from, edges);
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const to = areaOf(resolve(dirname(file), spec as string));
      if (to !== from) edges.add(to);
    }
  }
  return graph;
}

/** A cycle among the features, as a path (`a → b → a`), or null. */
export function findCycle(graph: Map<string, Set<string>>): string[] | null {
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): string[] | null => {
    if (state.get(node) === 'done') return null;
    if (state.get(node) === 'visiting') return [...stack.slice(stack.indexOf(node)), node];
    state.set(node, 'visiting');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (!next.startsWith('features/')) continue;
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(node, 'done');
    return null;
  };
  for (const node of graph.keys()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return null;
}

describe('the back-office structure', () => {
  const graph = importGraph();

  it('finds a cycle when there is one (the check itself works)', () => {
    const sample = new Map([
      ['features/a', new Set(['features/b'])],
      ['features/b', new Set(['features/c', 'lib'])],
      ['features/c', new Set(['features/a'])],
    ]);
    expect(findCycle(sample)).toEqual(['features/a', 'features/b', 'features/c', 'features/a']);
    expect(findCycle(new Map([['features/a', new Set(['features/b'])]]))).toBeNull();
  });

  it('has no import cycle between features', () => {
    expect(graph.size).toBeGreaterThan(5);
    expect(findCycle(graph)).toBeNull();
  });

  it('keeps the shared layers free of features', () => {
    for (const shared of ['components', 'lib', 'api', 'i18n', 'providers']) {
      const intoFeatures = [...(graph.get(shared) ?? [])].filter((to) => to.startsWith('features/'));
      expect({ shared, intoFeatures }).toEqual({ shared, intoFeatures: [] });
    }
  });

  it('has no feature split by audience (portal and office views live inside their resource)', () => {
    const features = readdirSync(join(src, 'features'));
    expect(features).not.toContain('portal');
    expect(features).not.toContain('office');
    expect(features).toEqual(
      expect.arrayContaining(['applications', 'calls', 'entities', 'users', 'calendar', 'audit', 'outbox']),
    );
  });

  it('takes every query key from the keys module', () => {
    const literal = /queryKey:\s*\[\s*['"]/;
    const offenders = files
      .filter((file) => literal.test(readFileSync(file, 'utf8')))
      .map((f) => relative(src, f));
    expect(offenders).toEqual([]);
  });
});
