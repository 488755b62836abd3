import { ADMINISTRATION_INPUTS, type Delivery } from './schema.ts';

/** A study's document control before anything is filled in: every input of §4.1.6 still « à préciser ». */
export function emptyDelivery(): Delivery {
  return {
    contractor: '',
    contractNumber: '',
    complexity: null,
    restricted: false,
    participants: [],
    inputs: ADMINISTRATION_INPUTS.map((item) => ({ item, status: 'a-preciser' as const, note: '' })),
    revisions: [],
    activities: [],
    reservations: '',
    technicalRoom: null,
    spareShare: 0.1,
  };
}
