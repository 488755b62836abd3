export const STUDY_VIEWS = ['editeur', 'resultats', 'audit', 'rapport', 'catalogue'] as const;
export type StudyView = (typeof STUDY_VIEWS)[number];

/** The pages of « Suivi »: the list, an order, a quote, a new quote (from a study, or blank). */
export type TrackingPage = { kind: 'home' } | { kind: 'order'; id: string } | { kind: 'quote'; id: string } | { kind: 'new-quote'; studyId: string | null };

export type Route = { name: 'projects' } | { name: 'study'; projectId: string; view: StudyView } | { name: 'tracking'; page: TrackingPage };

function trackingPage(parts: string[]): TrackingPage {
  if (parts[1] === 'commande' && parts[2]) return { kind: 'order', id: parts[2] };
  if (parts[1] === 'devis' && parts[2]) return { kind: 'quote', id: parts[2] };
  if (parts[1] === 'nouveau-devis') return { kind: 'new-quote', studyId: parts[2] ?? null };
  return { kind: 'home' };
}

function trackingHash(page: TrackingPage): string {
  if (page.kind === 'order') return `#/suivi/commande/${encodeURIComponent(page.id)}`;
  if (page.kind === 'quote') return `#/suivi/devis/${encodeURIComponent(page.id)}`;
  if (page.kind === 'new-quote') return page.studyId ? `#/suivi/nouveau-devis/${encodeURIComponent(page.studyId)}` : '#/suivi/nouveau-devis';
  return '#/suivi';
}

/** `#/` → project list; `#/etude/<id>[/<view>]` → a study view. Anything else falls back to the list. */
export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'suivi') return { name: 'tracking', page: trackingPage(parts) };
  if (parts[0] === 'etude' && parts[1]) {
    const view = (parts[2] ?? 'editeur') as StudyView;
    if (STUDY_VIEWS.includes(view)) return { name: 'study', projectId: parts[1], view };
  }
  return { name: 'projects' };
}

export function routeToHash(route: Route): string {
  if (route.name === 'projects') return '#/';
  if (route.name === 'tracking') return trackingHash(route.page);
  return `#/etude/${encodeURIComponent(route.projectId)}/${route.view}`;
}
