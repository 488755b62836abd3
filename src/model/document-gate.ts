import type { z } from 'zod';
import { t, type MessageKey } from '../i18n/index.ts';
import { findBrokenReferences } from './references.ts';
import { projectDocumentSchema, type ProjectDocument } from './schema.ts';

/**
 * The one gate every stored document passes: the schema, the references and the checks across items (an opening
 * within its wall). Import runs it on the whole file; the document store runs it on every change, where only the
 * items whose object changed are parsed again (documents share structure between versions), so a drag of one AP on
 * a floor of 2,000 walls checks one AP.
 */

type Shape = typeof projectDocumentSchema.shape;
type CollectionKey = { [K in keyof Shape]: Shape[K] extends z.ZodArray ? K : never }[keyof Shape];

const COLLECTIONS = Object.keys(projectDocumentSchema.shape).filter(
  (key) => (projectDocumentSchema.shape[key as keyof Shape] as z.ZodType).def.type === 'array',
) as CollectionKey[];

/** Problems of the items that differ from `previous` (all of them when there is none), as French lines. */
export function schemaProblems(next: ProjectDocument, previous: ProjectDocument | null): string[] {
  const problems: string[] = [];
  for (const key of Object.keys(projectDocumentSchema.shape) as (keyof Shape)[]) {
    const value = next[key];
    if (previous && value === previous[key]) continue;
    const schema = projectDocumentSchema.shape[key] as z.ZodType;
    if (COLLECTIONS.includes(key as CollectionKey) && Array.isArray(value)) {
      const element = (schema as z.ZodArray<z.ZodType>).element;
      const before = new Set<unknown>(previous ? (previous[key] as unknown[]) : []);
      value.forEach((item: unknown, index: number) => {
        if (before.has(item)) return;
        const result = element.safeParse(item);
        if (!result.success) for (const issue of result.error.issues) problems.push(describe(key, item, index, issue));
      });
      continue;
    }
    const result = schema.safeParse(value);
    if (!result.success) for (const issue of result.error.issues) problems.push(describe(key, value, null, issue));
  }
  return problems;
}

function describe(key: string, item: unknown, index: number | null, issue: z.core.$ZodIssue): string {
  const collection = t(`errors.gate.collections.${key}` as MessageKey);
  const named = typeof item === 'object' && item !== null ? ((item as { name?: unknown }).name ?? (item as { id?: unknown }).id) : null;
  const label = index === null ? collection : `${collection} « ${typeof named === 'string' ? named.slice(0, 60) : index + 1} »`;
  const field = issue.path.filter((part) => typeof part === 'string').join('.');
  return t('errors.gate.where', { where: field ? `${label} (${field})` : label, message: issue.message });
}

/** Checks across items that the schema cannot express, as French lines. */
export function crossItemProblems(document: ProjectDocument): string[] {
  const problems: string[] = [];
  const walls = new Map(document.walls.map((wall) => [wall.id, wall]));
  for (const opening of document.openings) {
    const wall = walls.get(opening.wallId);
    if (!wall) continue;
    const length = Math.hypot(wall.to.xM - wall.from.xM, wall.to.yM - wall.from.yM);
    if (opening.offsetM > length + 0.001) problems.push(t('errors.gate.openingOutsideWall', { id: opening.id, offset: opening.offsetM, length }));
  }
  return problems;
}

const wholeDocumentProblems = new WeakMap<ProjectDocument, ReadonlySet<string>>();

/** References and cross-item problems of a whole document, remembered per document object. */
function documentWideProblems(document: ProjectDocument): ReadonlySet<string> {
  let problems = wholeDocumentProblems.get(document);
  if (!problems) {
    problems = new Set([...findBrokenReferences(document), ...crossItemProblems(document)]);
    wholeDocumentProblems.set(document, problems);
  }
  return problems;
}

/** Every problem of a document (import, export check). */
export function documentProblems(document: ProjectDocument): string[] {
  return [...schemaProblems(document, null), ...documentWideProblems(document)];
}

/**
 * Problems a change would bring: the changed items that break the schema, and the reference or cross-item problems
 * the next document has and the previous had not (a study stored before the gate existed stays editable).
 */
export function changeProblems(previous: ProjectDocument, next: ProjectDocument): string[] {
  const before = documentWideProblems(previous);
  return [...schemaProblems(next, previous), ...[...documentWideProblems(next)].filter((problem) => !before.has(problem))];
}

/** The sentence shown when a change is refused. */
export function refusalMessage(label: string, problems: readonly string[]): string {
  const first = problems[0] ?? '';
  const reason = problems.length > 1 ? t('errors.gate.refusedMore', { first, count: problems.length - 1 }) : first;
  return t('errors.gate.refused', { label, reason });
}

/** A change refused by the gate outside the document store (project list operations). */
export class ChangeRefusedError extends Error {
  constructor(
    label: string,
    readonly problems: string[],
  ) {
    super(refusalMessage(label, problems));
    this.name = 'ChangeRefusedError';
  }
}

/** Throws ChangeRefusedError when the document would not pass import. */
export function assertStorable(document: ProjectDocument, label: string): void {
  const problems = documentProblems(document);
  if (problems.length > 0) throw new ChangeRefusedError(label, problems);
}
