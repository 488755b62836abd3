/**
 * IEEE 802.3 Power over Ethernet classes (802.3af/at/bt): the power a switch port reserves (PSE output) and the
 * power the AP may draw at its end (PD input), per class. Values from IEEE Std 802.3-2022 clause 33 (Type 1–2)
 * and clause 145 (Type 3–4), tables 33-6/33-18 and 145-16/145-26.
 */
export interface PoeClass {
  poeClass: number;
  standard: '802.3af' | '802.3at' | '802.3bt';
  /** Power the switch port reserves (W). */
  pseW: number;
  /** Largest power the AP may draw (W). */
  pdW: number;
}

export const POE_CLASSES: readonly PoeClass[] = [
  { poeClass: 0, standard: '802.3af', pseW: 15.4, pdW: 12.95 },
  { poeClass: 1, standard: '802.3af', pseW: 4, pdW: 3.84 },
  { poeClass: 2, standard: '802.3af', pseW: 7, pdW: 6.49 },
  { poeClass: 3, standard: '802.3af', pseW: 15.4, pdW: 12.95 },
  { poeClass: 4, standard: '802.3at', pseW: 30, pdW: 25.5 },
  { poeClass: 5, standard: '802.3bt', pseW: 45, pdW: 40 },
  { poeClass: 6, standard: '802.3bt', pseW: 60, pdW: 51 },
  { poeClass: 7, standard: '802.3bt', pseW: 75, pdW: 62 },
  { poeClass: 8, standard: '802.3bt', pseW: 90, pdW: 71.3 },
];

/** The smallest class whose PD power covers a draw (W); null above class 8. */
export function poeClassForDraw(drawW: number): PoeClass | null {
  return POE_CLASSES.filter((entry) => entry.poeClass >= 1 && entry.pdW >= drawW).sort((a, b) => a.pdW - b.pdW)[0] ?? null;
}
