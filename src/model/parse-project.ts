import { migrateToCurrent } from './migrations.ts';
import { projectDocumentSchema, type ProjectDocument } from './schema.ts';
import { ProjectLoadError } from './project-load-error.ts';
import { findBrokenReferences } from './references.ts';
import { crossItemProblems } from './document-gate.ts';

/** Parses, migrates and validates a project document; throws ProjectLoadError with a French message. */
export function parseProjectJson(text: string): ProjectDocument {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new ProjectLoadError('not-json');
  }
  return parseProjectValue(raw);
}

export function parseProjectValue(raw: unknown): ProjectDocument {
  const migrated = migrateToCurrent(raw);
  const result = projectDocumentSchema.safeParse(migrated);
  if (!result.success) {
    const details = result.error.issues.slice(0, 20).map((issue) => `${issue.path.join('.') || '(racine)'} : ${issue.message}`);
    throw new ProjectLoadError('invalid', details, { count: result.error.issues.length });
  }
  const broken = findBrokenReferences(result.data);
  if (broken.length > 0) throw new ProjectLoadError('broken-references', broken.slice(0, 20), { count: broken.length });
  const crossItem = crossItemProblems(result.data);
  if (crossItem.length > 0) throw new ProjectLoadError('invalid', crossItem.slice(0, 20), { count: crossItem.length });
  return result.data;
}
