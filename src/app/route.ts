export const STUDY_VIEWS = ['editeur', 'resultats', 'audit', 'rapport', 'catalogue'] as const;
export type StudyView = (typeof STUDY_VIEWS)[number];

export type Route = { name: 'projects' } | { name: 'study'; projectId: string; view: StudyView } | { name: 'tracking'; orderId: string | null };

/** `#/` → project list; `#/etude/<id>[/<view>]` → a study view. Anything else falls back to the list. */
export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'suivi') return { name: 'tracking', orderId: parts[1] === 'commande' && parts[2] ? parts[2] : null };
  if (parts[0] === 'etude' && parts[1]) {
    const view = (parts[2] ?? 'editeur') as StudyView;
    if (STUDY_VIEWS.includes(view)) return { name: 'study', projectId: parts[1], view };
  }
  return { name: 'projects' };
}

export function routeToHash(route: Route): string {
  if (route.name === 'projects') return '#/';
  if (route.name === 'tracking') return route.orderId ? `#/suivi/commande/${encodeURIComponent(route.orderId)}` : '#/suivi';
  return `#/etude/${encodeURIComponent(route.projectId)}/${route.view}`;
}
