import type { AntennaPattern, ApModel, Material, PredictionSettings, RequirementProfile, Ssid } from './schema.ts';

/**
 * Shipped defaults. Values come from ../shared/reference/rf_reference.md (§2.3 synthesis of ITU-R P.2040,
 * NIST IR 6055 and vendor tables; §4.3 design profiles) and from Ekahau AI Pro 11.8 default wall types.
 * The user edits them per project; they are copied into each new project, never referenced.
 */
export const DEFAULT_MATERIALS: readonly Material[] = [
  { id: 'mat-placo', name: 'Cloison plaque de plâtre', lossDb: { '2.4': 3, '5': 4, '6': 4 }, thicknessM: 0.1, color: '#9aa5b1', source: 'Ekahau AI Pro 11.8 (drywall 3 dB) ; rf_reference §2.3' },
  { id: 'mat-brique', name: 'Brique 100 mm', lossDb: { '2.4': 6, '5': 9, '6': 10 }, thicknessM: 0.1, color: '#c0603a', source: 'rf_reference §2.3 (brique ajustée, SignalPlan)' },
  { id: 'mat-beton', name: 'Béton 200 mm', lossDb: { '2.4': 15, '5': 26, '6': 29 }, thicknessM: 0.2, color: '#4a4f57', source: 'ITU-R P.2040 via rf_reference §2.3' },
  { id: 'mat-parpaing', name: 'Parpaing', lossDb: { '2.4': 5, '5': 5, '6': 5 }, thicknessM: 0.2, color: '#7d7467', source: 'Ekahau AI Pro 11.8 (cinder block 5 dB)' },
  { id: 'mat-vitrage', name: 'Double vitrage clair', lossDb: { '2.4': 1, '5': 7, '6': 8 }, thicknessM: 0.03, color: '#5fb4d9', source: 'rf_reference §2.3' },
  { id: 'mat-vitrage-fe', name: 'Vitrage à faible émissivité', lossDb: { '2.4': 23, '5': 30, '6': 30 }, thicknessM: 0.03, color: '#2f7fa3', source: 'rf_reference §2.3' },
  { id: 'mat-porte-bois', name: 'Porte bois pleine', lossDb: { '2.4': 2, '5': 4, '6': 4 }, thicknessM: 0.04, color: '#a07845', source: 'rf_reference §2.3 (1–3 / 2–6 / 2–6 dB)' },
  { id: 'mat-porte-cf', name: 'Porte coupe-feu métallique', lossDb: { '2.4': 13, '5': 13, '6': 13 }, thicknessM: 0.05, color: '#8b1e2d', source: 'Ekahau AI Pro 11.8 (steel fire door 13 dB)' },
  { id: 'mat-ascenseur', name: "Cage d'ascenseur", lossDb: { '2.4': 30, '5': 30, '6': 30 }, thicknessM: 0.2, color: '#222222', source: 'Ekahau AI Pro 11.8 (elevator shaft 30 dB)' },
  { id: 'mat-etagere', name: 'Rayonnage de livres', lossDb: { '2.4': 2, '5': 2, '6': 2 }, thicknessM: 0.4, color: '#b59b6b', source: 'Ekahau AI Pro 11.8 (bookshelf 2 dB)' },
  { id: 'mat-dalle', name: 'Dalle béton (plancher)', lossDb: { '2.4': 15, '5': 16, '6': 18 }, thicknessM: 0.25, color: '#5b5b5b', source: 'ITU-R P.1238 Lf un étage (15 dB à 2,4 GHz, 16 dB à 5,2 GHz) ; 6 GHz extrapolé' },
];

/** 3GPP TR 38.901 §7.3 element pattern shape: −min(12·(θ/θ3dB)², Am), sampled every degree. */
function parabolicCut(count: number, startDeg: number, halfPowerBeamwidthDeg: number, floorDb: number): number[] {
  return Array.from({ length: count }, (_, index) => {
    let angle = startDeg + index;
    if (angle > 180) angle -= 360;
    const gain = -Math.min(12 * (angle / halfPowerBeamwidthDeg) ** 2, floorDb);
    return Math.round(gain * 100) / 100 || 0;
  });
}

export const DEFAULT_ANTENNA_PATTERNS: readonly AntennaPattern[] = [
  {
    id: 'pattern-patch-60',
    name: 'Patch directionnel 60° × 60°',
    azimuthCutDb: parabolicCut(360, 0, 60, 25),
    elevationCutDb: parabolicCut(181, -90, 60, 25),
  },
];

export const DEFAULT_AP_MODELS: readonly ApModel[] = [
  {
    id: 'ap-wifi6-2x2',
    vendor: 'Générique',
    model: 'Borne Wi-Fi 6 2×2 omnidirectionnelle',
    bands: ['2.4', '5'],
    maxTxPowerDbm: { '2.4': 20, '5': 23, '6': 0 },
    antennaGainDbi: { '2.4': 4, '5': 5, '6': 0 },
    antennaPatternId: null,
    spatialStreams: 2,
    bomReference: 'GEN-AX-2X2',
    priceEur: null,
    accessories: [{ reference: 'GEN-SUPPORT-PLAFOND', label: 'Support de fixation plafond', priceEur: null }],
    poeClass: 4,
    maxPowerDrawW: null,
    mounting: ['plafond', 'faux-plafond'],
    source: 'Modèle générique d’Ondeplan, à remplacer par la fiche du modèle retenu : puissance conduite maximale et gains d’antenne intégrée omnidirectionnelle supposés (la PIRE réglementaire est vérifiée borne par borne) ; classe PoE 4 (802.3at) supposée.',
  },
  {
    id: 'ap-wifi6e-tri',
    vendor: 'Générique',
    model: 'Borne Wi-Fi 6E tri-bande omnidirectionnelle',
    bands: ['2.4', '5', '6'],
    maxTxPowerDbm: { '2.4': 20, '5': 23, '6': 23 },
    antennaGainDbi: { '2.4': 4, '5': 5, '6': 5 },
    antennaPatternId: null,
    spatialStreams: 2,
    bomReference: 'GEN-AXE-TRI',
    priceEur: null,
    accessories: [{ reference: 'GEN-SUPPORT-PLAFOND', label: 'Support de fixation plafond', priceEur: null }],
    poeClass: 4,
    maxPowerDrawW: null,
    mounting: ['plafond', 'faux-plafond'],
    source: 'Modèle générique d’Ondeplan, à remplacer par la fiche du modèle retenu : puissance conduite maximale et gains d’antenne intégrée omnidirectionnelle supposés (la PIRE réglementaire est vérifiée borne par borne) ; classe PoE 4 (802.3at) supposée.',
  },
  {
    id: 'ap-patch',
    vendor: 'Générique',
    model: 'Borne Wi-Fi 6 à antenne patch directionnelle',
    bands: ['2.4', '5'],
    maxTxPowerDbm: { '2.4': 20, '5': 23, '6': 0 },
    antennaGainDbi: { '2.4': 8, '5': 10, '6': 0 },
    antennaPatternId: 'pattern-patch-60',
    spatialStreams: 2,
    bomReference: 'GEN-AX-PATCH',
    priceEur: null,
    accessories: [{ reference: 'GEN-SUPPORT-MURAL', label: 'Support mural orientable', priceEur: null }],
    poeClass: 4,
    maxPowerDrawW: null,
    mounting: ['mur'],
    source: 'Modèle générique d’Ondeplan, à remplacer par la fiche du modèle retenu : puissance conduite maximale supposée, gains de l’antenne patch supposés (8 dBi à 2,4 GHz, 10 dBi à 5 GHz) avec le diagramme parabolique 60° × 60° de la bibliothèque ; classe PoE 4 (802.3at) supposée.',
  },
];

export const DEFAULT_REQUIREMENT_PROFILES: readonly RequirementProfile[] = [
  { id: 'profil-donnees', name: 'Données', minPrimaryRssiDbm: -72, minSecondaryRssiDbm: null, minSnrDb: 20, maxCoChannelAps: 3, coChannelThresholdDbm: -85, minPhyRateMbps: null, maxAirtimeShare: 0.7, source: 'Pratique courante (rf_reference §4.3)' },
  { id: 'profil-voix', name: 'Voix / temps réel', minPrimaryRssiDbm: -67, minSecondaryRssiDbm: -70, minSnrDb: 25, maxCoChannelAps: 1, coChannelThresholdDbm: -85, minPhyRateMbps: null, maxAirtimeShare: 0.5, source: 'Cisco VoWLAN 7925G / Enterprise Mobility 4.1 (rf_reference §4.3)' },
  { id: 'profil-haute-densite', name: 'Haute densité', minPrimaryRssiDbm: -67, minSecondaryRssiDbm: -70, minSnrDb: 25, maxCoChannelAps: 2, coChannelThresholdDbm: -85, minPhyRateMbps: 100, maxAirtimeShare: 0.5, source: 'UCSF RF design standard ; pratique courante (rf_reference §4.3)' },
];

export const DEFAULT_SSIDS: readonly Ssid[] = [
  { id: 'ssid-justice', name: 'JUSTICE', bands: ['2.4', '5', '6'], security: 'wpa3-entreprise', hidden: false },
];

export const DEFAULT_PREDICTION_SETTINGS: PredictionSettings = {
  model: 'multi-murs',
  pathLossExponent: 2,
  clientHeightM: 1,
  gridResolutionM: 0.5,
  clientNoiseFigureDb: 7,
  clientAntennaGainDbi: 0,
  dominantPath: { enabled: false, turnLossDbAt90: 10, heavyWallDb: 10 },
};
