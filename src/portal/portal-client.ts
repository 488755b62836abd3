/**
 * The app's side of the tracking portal: JSON calls to `/api` on the app's own origin (the dev and preview servers
 * forward them to the portal), the session cookie sent by the browser, the CSRF token added to every change. An
 * unreachable portal and an expired session are errors of their own, so the pages can say so.
 */
import { t } from '../i18n/index.ts';

export class PortalUnreachableError extends Error {
  constructor() {
    super(t('tracking.unreachable'));
    this.name = 'PortalUnreachableError';
  }
}

export class PortalAnswerError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'PortalAnswerError';
  }
}

export interface PortalUser {
  id: string;
  email: string;
  displayName: string;
  role: 'administrateur' | 'gestionnaire' | 'ingenieur' | 'relecteur' | 'correspondant';
  organisation: { id: string; name: string; kind: 'titulaire' | 'administration'; dit: string | null };
}

export interface PortalOrder {
  id: string;
  number: string;
  entity_name: string;
  dit: string;
  service: string;
  complexity: string;
  legal_commitment: string;
  quote_number: string;
  ordered_days: number;
  consumed_days: number;
  amount_ht: number;
  ordered_on: string;
  due_on: string | null;
  status: 'en-cours' | 'livre' | 'receptionne' | 'refuse' | 'solde';
  invoicing: 'a-facturer' | 'facture' | 'paye';
  entity_kind: string;
  bureau: string;
  profile_type: string;
  profile_name: string;
  /** The app's study the order's quote was started from. */
  study_project_id?: string | null;
}

export interface PortalCommittee {
  id: string;
  kind: 'pilotage' | 'exploitation';
  dit: string | null;
  heldOn: string;
  agenda: string;
  agendaDue: string | null;
  minutesDue: string;
  status: 'planifie' | 'a-rediger' | 'soumis' | 'observations' | 'valide';
  minutesLate: boolean;
  minutes: { name: string; sha256: string; at: string } | null;
  remarks: string;
}

export type QuoteStatus = 'brouillon' | 'envoye' | 'a-ajuster' | 'valide' | 'abandonne';
export type OutOfHoursSlot = 'semaine' | 'samedi' | 'dimanche-ferie' | 'nuit';

export interface QuoteLine {
  service: string;
  level: string;
  quantity: number;
  outOfHours: OutOfHoursSlot | null;
}

export interface PortalQuote {
  id: string;
  number: string;
  status: QuoteStatus;
  entity_kind: string;
  entity_name: string;
  bureau: string;
  dit: string;
  site: string;
  territory: string;
  requested_on: string;
  wanted_start: string | null;
  wanted_end: string | null;
  need: string;
  lines: QuoteLine[];
  priced: { lines: (QuoteLine & { title: string; unitPriceHt: number; factors: { label: string; factor: number }[]; amountHt: number })[]; totalHt: number; vatRate: number; vat: number; totalTtc: number };
  study: { name: string; nature: string; surfaceM2: number; levels: number; projectId?: string } | null;
  remarks: string;
  sent_at: string | null;
  order_id: string | null;
  gridVersion: number;
  gridLabel?: string;
  dueOn: string;
  late: boolean;
  warnings: string[];
}

export interface CatalogueService {
  number: string;
  title: string;
  tasks: { text: string; items: string[] };
  kind: string;
  complexity: { level: string; maxDays: number }[];
  valuation: 'complexite' | 'forfait' | 'demi-journee' | 'renvoi' | 'autre';
  outOfHours?: boolean;
  deliverables: { text: string; items: string[] };
}

export interface NewQuote {
  entityKind: string;
  entityName: string;
  bureau: string;
  dit: string;
  site: string;
  territory: string;
  requestedOn: string;
  wantedStart: string | null;
  wantedEnd: string | null;
  need: string;
  lines: QuoteLine[];
  study: PortalQuote['study'];
}

export interface NewPortalOrder {
  number: string;
  entityKind: string;
  entityName: string;
  bureau: string;
  dit: string;
  service: string;
  complexity: string;
  legalCommitment: string;
  quoteNumber: string;
  orderedDays: number;
  amountHt: number;
  orderedOn: string;
  dueOn: string | null;
  profileType: string;
  profileName: string;
}

/** What the administrator types to confirm the destruction; the portal checks the same words. */
export const DESTRUCTION_PHRASE = 'DÉTRUIRE TOUTES LES DONNÉES';

let csrfToken = '';

/** A request whose answer is a file; a refusal still carries the portal's French message. */
async function binary(method: string, path: string, body?: string): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(path, { method, credentials: 'same-origin', headers: method === 'GET' ? {} : { 'content-type': 'application/json', 'x-csrf-token': csrfToken }, body });
  } catch {
    throw new PortalUnreachableError();
  }
  if (response.status === 502 || response.status === 503 || response.status === 504) throw new PortalUnreachableError();
  if (!response.ok) {
    const json = (await response.json().catch(() => null)) as { erreur?: string } | null;
    throw new PortalAnswerError(response.status, json?.erreur ?? t('tracking.failed'));
  }
  return response;
}

const fileNameOf = (response: Response, fallback: string) => /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? fallback;

/** One request to the portal; its JSON answer, or the error the pages tell apart (unreachable, refused). */
async function send<T>(method: string, path: string, body: BodyInit | undefined, contentType: string | null, headers: Record<string, string> = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: { ...headers, ...(contentType ? { 'content-type': contentType } : {}), ...(method === 'GET' ? {} : { 'x-csrf-token': csrfToken }) },
      body,
    });
  } catch {
    throw new PortalUnreachableError();
  }
  const json = (await response.json().catch(() => null)) as (T & { erreur?: string }) | null;
  // The app's own server answers when the portal is down (proxy error) or absent (its HTML page).
  if (json === null || response.status === 502 || response.status === 503 || response.status === 504) throw new PortalUnreachableError();
  if (!response.ok) throw new PortalAnswerError(response.status, json.erreur ?? t('tracking.failed'));
  return json;
}

const call = <T>(method: string, path: string, body?: unknown) => send<T>(method, path, body === undefined ? undefined : JSON.stringify(body), body === undefined ? null : 'application/json');

export const portal = {
  /** The signed-in user, or null. */
  async session(): Promise<PortalUser | null> {
    const answer = await call<{ user: PortalUser | null; csrfToken: string | null }>('GET', '/api/session');
    csrfToken = answer.csrfToken ?? '';
    return answer.user;
  },
  async login(email: string, password: string): Promise<PortalUser> {
    const answer = await call<{ user: PortalUser; csrfToken: string }>('POST', '/api/session', { email, password });
    csrfToken = answer.csrfToken;
    return answer.user;
  },
  logout: () => call<{ ok: true }>('DELETE', '/api/session'),
  orders: () => call<{ orders: PortalOrder[] }>('GET', '/api/orders').then((answer) => answer.orders),
  dashboard: () => call<{ consumption: { orderedDays: number; consumedDays: number; committedHt: number; maximumHt: number | null; share: number | null }; quotes: { toAnswer: number; awaitingDecision: number; late: { id: string; number: string; dueOn: string; sent: boolean }[] }; committees: { next: { kind: PortalCommittee['kind']; dit: string | null; heldOn: string; agendaDue: string | null } | null; minutesLate: { kind: PortalCommittee['kind']; heldOn: string }[]; awaitingValidation: number }; total: number; byStatus: Record<PortalOrder['status'], number>; late: { id: string; number: string; entity: string; dueOn: string }[]; invoicing: { aFacturerHt: number; factureHt: number; payeHt: number }; perDit: { dit: string; orders: number; open: number }[]; nextStatement: { year: number; quarter: number; deadline: string } }>('GET', '/api/dashboard'),
  order: (id: string) => call<{ order: PortalOrder }>('GET', `/api/orders/${encodeURIComponent(id)}`).then((answer) => answer.order),
  history: (id: string) => call<{ history: { at: string; action: string; who: string; detail: Record<string, unknown> }[] }>('GET', `/api/orders/${encodeURIComponent(id)}/history`).then((answer) => answer.history),
  deliverables: (id: string) => call<{ checklist: { expected: string; files: string[] }[]; deliverables: { id: string; version: number; zipName: string; size: number; md5: string; files: { name: string; size: number }[]; uploadedAt: string; uploadedBy: string }[]; receptions: { version: number; decision: string; reasons: string; decidedAt: string; decidedBy: string }[] }>('GET', `/api/orders/${encodeURIComponent(id)}/deliverables`),
  receive: (id: string, decision: string, reasons: string) => call<{ ok: true }>('POST', `/api/orders/${encodeURIComponent(id)}/reception`, { decision, reasons }),
  progress: (id: string, note: string, consumedDays: number, delivered: boolean) => call<{ ok: true }>('POST', `/api/orders/${encodeURIComponent(id)}/progress`, { note, consumedDays, delivered }),
  invoicing: (id: string, invoicing: PortalOrder['invoicing']) => call<{ ok: true }>('POST', `/api/orders/${encodeURIComponent(id)}/invoicing`, { invoicing }),
  committees: () => call<{ committees: PortalCommittee[] }>('GET', '/api/committees').then((answer) => answer.committees),
  planCommittee: (committee: { kind: PortalCommittee['kind']; dit: string; heldOn: string; agenda: string }) => call<{ id: string }>('POST', '/api/committees', committee).then((answer) => answer.id),
  uploadMinutes: (id: string, pdf: Uint8Array, name: string) => send<{ ok: true }>('POST', `/api/committees/${encodeURIComponent(id)}/minutes`, pdf as Uint8Array<ArrayBuffer>, 'application/pdf', { 'x-file-name': encodeURIComponent(name) }),
  decideMinutes: (id: string, decision: 'valide' | 'observations', remarks: string) => call<{ ok: true }>('POST', `/api/committees/${encodeURIComponent(id)}/decision`, { decision, remarks }),
  async minutes(id: string): Promise<Blob> {
    return (await binary('GET', `/api/committees/${encodeURIComponent(id)}/minutes`)).blob();
  },
  catalogue: () => call<{ services: CatalogueService[]; outOfHours: { services: string[]; slots: string[] } }>('GET', '/api/catalogue'),
  priceGrids: () => call<{ grids: { id: string; version: number; label: string; sourceName: string; importedAt: string; importedBy: string }[] }>('GET', '/api/price-grids').then((answer) => answer.grids),
  importPriceGrid: (bytes: Uint8Array, name: string) =>
    send<{ id: string; version: number }>('POST', '/api/price-grids', bytes as Uint8Array<ArrayBuffer>, name.toLowerCase().endsWith('.xlsx') ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv', { 'x-file-name': encodeURIComponent(name) }),
  quotes: () => call<{ quotes: PortalQuote[] }>('GET', '/api/quotes').then((answer) => answer.quotes),
  quote: (id: string) => call<{ quote: PortalQuote; history: { at: string; action: string; who: string; detail: Record<string, unknown> }[] }>('GET', `/api/quotes/${encodeURIComponent(id)}`),
  createQuote: (quote: NewQuote) => call<{ id: string; number: string }>('POST', '/api/quotes', quote),
  reviseQuote: (id: string, patch: Partial<NewQuote> & { gridId?: string }) => call<{ ok: true }>('POST', `/api/quotes/${encodeURIComponent(id)}`, patch),
  sendQuote: (id: string) => call<{ ok: true }>('POST', `/api/quotes/${encodeURIComponent(id)}/sending`),
  askAdjustment: (id: string, remarks: string) => call<{ ok: true }>('POST', `/api/quotes/${encodeURIComponent(id)}/adjustment`, { remarks }),
  validateQuote: (id: string, orderNumber: string, legalCommitment: string) => call<{ orderId: string }>('POST', `/api/quotes/${encodeURIComponent(id)}/validation`, { orderNumber, legalCommitment }),
  abandonQuote: (id: string, reason: string) => call<{ ok: true }>('POST', `/api/quotes/${encodeURIComponent(id)}/abandon`, { reason }),
  async quoteFile(id: string, kind: 'pdf' | 'xlsx'): Promise<{ bytes: Uint8Array; name: string }> {
    const response = await binary('GET', `/api/quotes/${encodeURIComponent(id)}/devis.${kind}`);
    return { bytes: new Uint8Array(await response.arrayBuffer()), name: fileNameOf(response, `devis.${kind}`) };
  },
  async interventionReport(id: string, report: { tasksDone: number[]; interventionDates: string; site: string; observations: string }): Promise<{ bytes: Uint8Array; name: string }> {
    const response = await binary('POST', `/api/orders/${encodeURIComponent(id)}/intervention-report`, JSON.stringify(report));
    return { bytes: new Uint8Array(await response.arrayBuffer()), name: fileNameOf(response, 'rapport-intervention.pdf') };
  },
  close: (id: string) => call<{ ok: true }>('POST', `/api/orders/${encodeURIComponent(id)}/closing`),
  createOrder: (order: NewPortalOrder) => call<{ id: string }>('POST', '/api/orders', order).then((answer) => answer.id),
  /** Every record and file of the contract as a ZIP, with its SHA-256 (which the destruction asks for). */
  async exportContract(): Promise<{ bytes: Uint8Array; name: string; sha256: string }> {
    const response = await binary('GET', '/api/contract/export');
    return { bytes: new Uint8Array(await response.arrayBuffer()), name: fileNameOf(response, 'export-fin-de-marche.zip'), sha256: response.headers.get('x-sha256') ?? '' };
  },
  /** Destroys every record after the export; answers the certificate of destruction (ZIP of its PDF and CSV). */
  async destroyContractData(confirmation: string, exportSha256: string): Promise<{ bytes: Uint8Array; name: string }> {
    const response = await binary('POST', '/api/contract/destruction', JSON.stringify({ confirmation, exportSha256 }));
    return { bytes: new Uint8Array(await response.arrayBuffer()), name: fileNameOf(response, 'certificat-de-destruction.zip') };
  },
  /** Sends a deliverable package (the ZIP and its `.md5` file) to an order; the portal checks the MD5 before keeping it. */
  async upload(orderId: string, zip: Uint8Array, md5File: Uint8Array, zipName: string): Promise<string> {
    // The ZIP is the body; its MD5 file's text and its name travel as headers.
    const answer = await send<{ id: string }>('POST', `/api/orders/${encodeURIComponent(orderId)}/deliverables`, zip as Uint8Array<ArrayBuffer>, 'application/zip', { 'x-md5': new TextDecoder().decode(md5File), 'x-file-name': encodeURIComponent(zipName) });
    return answer.id;
  },
  /** A delivered file's bytes (the PDF preview shows them from a blob: URL). */
  async file(deliverableId: string, name: string): Promise<Blob> {
    return (await binary('GET', `/api/deliverables/${encodeURIComponent(deliverableId)}?fichier=${encodeURIComponent(name)}`)).blob();
  },
};
