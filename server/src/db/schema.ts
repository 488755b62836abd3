/** The portal's tables as Kysely sees them (snake_case columns, as in the migrations). */
import type { ColumnType, Generated } from 'kysely';
import type { Territory } from '../calendar/territories.ts';
import type { PriceGrid } from '../quotes/price-grid.ts';
import type { PricedQuote, QuoteLineInput } from '../quotes/quote-pricing.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export const ROLES = ['administrateur', 'gestionnaire', 'ingenieur', 'relecteur', 'correspondant'] as const;
export type Role = (typeof ROLES)[number];
export const ORGANISATION_KINDS = ['titulaire', 'administration'] as const;
export const ORDER_STATUSES = ['en-cours', 'livre', 'receptionne', 'refuse', 'solde'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];
export const INVOICING_STATES = ['a-facturer', 'facture', 'paye'] as const;

export interface OrganisationTable {
  id: string;
  name: string;
  kind: (typeof ORGANISATION_KINDS)[number];
  /** For a DIT correspondent's organisation: the DIT whose orders it sees. */
  dit: string | null;
}

export interface UserTable {
  id: string;
  organisation_id: string;
  email: string;
  display_name: string;
  role: Role;
  password_hash: string;
  created_at: Timestamp;
}

export interface SessionTable {
  /** SHA-256 of the cookie's token: a stolen database does not give live sessions. */
  token_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface LoginAttemptTable {
  id: Generated<number>;
  key: string;
  attempted_at: Timestamp;
}

export interface OrderTable {
  id: string;
  number: string;
  entity_kind: string;
  entity_name: string;
  dit: string;
  service: string;
  complexity: string;
  legal_commitment: string;
  quote_number: string;
  ordered_days: number;
  amount_ht: number;
  ordered_on: string;
  due_on: string | null;
  status: OrderStatus;
  consumed_days: number;
  invoicing: (typeof INVOICING_STATES)[number];
  bureau: ColumnType<string, string | undefined, string>;
  profile_type: ColumnType<string, string | undefined, string>;
  profile_name: ColumnType<string, string | undefined, string>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface OrderHistoryTable {
  id: Generated<number>;
  order_id: string;
  user_id: string;
  at: Timestamp;
  action: string;
  detail: ColumnType<Record<string, unknown>, string, string>;
}

export const DECISIONS = ['admis', 'admis-reserves', 'refuse'] as const;
export type Decision = (typeof DECISIONS)[number];

export interface DeliverableFile {
  name: string;
  size: number;
}

export interface DeliverableTable {
  id: string;
  order_id: string;
  version: number;
  zip_name: string;
  zip: Uint8Array;
  size: number;
  md5: string;
  sha256: string;
  files: ColumnType<DeliverableFile[], string, string>;
  uploaded_by: string;
  uploaded_at: Timestamp;
}

export interface ReceptionTable {
  id: string;
  deliverable_id: string;
  decision: Decision;
  reasons: string;
  decided_by: string;
  decided_at: Timestamp;
}

export interface ContractExportTable {
  id: string;
  made_by: string;
  made_at: Timestamp;
  sha256: string;
  /** SHA-256 of the records the export holds: a destruction is refused if the data changed since. */
  fingerprint: string;
  counts: ColumnType<Record<string, number>, string, string>;
}

export interface DestructionCertificateTable {
  id: string;
  destroyed_at: Timestamp;
  pdf: Uint8Array;
  csv: string;
}

export const COMMITTEE_KINDS = ['pilotage', 'exploitation'] as const;
export type CommitteeKind = (typeof COMMITTEE_KINDS)[number];

export interface CommitteeTable {
  id: string;
  kind: CommitteeKind;
  /** The DIT an operations committee is held with; null for the steering committee. */
  dit: string | null;
  held_on: string;
  agenda: ColumnType<string, string | undefined, string>;
  created_by: string;
  created_at: Timestamp;
  minutes: Uint8Array | null;
  minutes_name: string | null;
  minutes_sha256: string | null;
  minutes_by: string | null;
  minutes_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  decision: 'valide' | 'observations' | null;
  remarks: ColumnType<string, string | undefined, string>;
  decided_by: string | null;
  decided_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export const QUOTE_STATUSES = ['brouillon', 'envoye', 'a-ajuster', 'valide', 'abandonne'] as const;
export type QuoteStatus = (typeof QUOTE_STATUSES)[number];

export interface PriceGridTable {
  id: string;
  version: number;
  label: string;
  content: ColumnType<PriceGrid, string, string>;
  source_name: string;
  source_sha256: string;
  imported_by: string;
  imported_at: Timestamp;
}

/** The study a Wi-Fi quote was started from (the app sends what the quote needs, not the study). */
export interface QuoteStudy {
  name: string;
  nature: string;
  surfaceM2: number;
  levels: number;
  /** The study's id in the engineer's app (its deliverables then go to the order the quote becomes). */
  projectId: string | null;
}

export interface QuoteTable {
  id: string;
  number: string;
  status: QuoteStatus;
  grid_id: string;
  entity_kind: string;
  entity_name: string;
  bureau: ColumnType<string, string | undefined, string>;
  dit: string;
  site: ColumnType<string, string | undefined, string>;
  territory: Territory;
  requested_on: string;
  wanted_start: string | null;
  wanted_end: string | null;
  need: ColumnType<string, string | undefined, string>;
  lines: ColumnType<QuoteLineInput[], string, string>;
  priced: ColumnType<PricedQuote, string, string>;
  study: ColumnType<QuoteStudy | null, string | null | undefined, string | null>;
  remarks: ColumnType<string, string | undefined, string>;
  sent_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  order_id: string | null;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface QuoteHistoryTable {
  id: Generated<number>;
  quote_id: string;
  user_id: string;
  at: Timestamp;
  action: string;
  detail: ColumnType<Record<string, unknown>, string, string>;
}

export interface Database {
  organisations: OrganisationTable;
  users: UserTable;
  sessions: SessionTable;
  login_attempts: LoginAttemptTable;
  orders: OrderTable;
  order_history: OrderHistoryTable;
  deliverables: DeliverableTable;
  receptions: ReceptionTable;
  contract_exports: ContractExportTable;
  destruction_certificates: DestructionCertificateTable;
  committees: CommitteeTable;
  price_grids: PriceGridTable;
  quotes: QuoteTable;
  quote_history: QuoteHistoryTable;
}
