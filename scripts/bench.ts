/**
 * npm run bench — every benchmark next to a simple reference implementation, in one run, printed as ratios.
 * Targets are checked here and reported, never in unit tests.
 */
import { runChannelPlanBench } from './bench/channel-plan-bench.ts';
import { runPlacementBench } from './bench/placement-bench.ts';
import { ENGINE_SCENARIOS, runDominantPathBench, runEngineBench } from './bench/engine-bench.ts';
import { runCanvasBench } from './bench/canvas-bench.ts';
import { runThreeBench } from './bench/three-bench.ts';
import { runEditorBench } from './bench/editor-bench.ts';
import { runPortalLoadBench } from './bench/portal-load-bench.ts';

const only = process.argv.slice(2);
console.log('Moteur de propagation : méthode exacte par intervalles vs force brute (chaque segment borne→cellule contre chaque mur)');
console.log('| scénario | cellules | radios | calcul complet (s) | première carte : bande affichée, toutes couches (s) | ns par cellule et radio | force brute (s) | ns par cellule et radio (force brute) | ratio | déplacement d’une borne, bande affichée, toutes couches (ms) | id., vue RSSI (ms) | id., toutes couches des deux bandes (ms) | mémoire retenue (Mo) | accord ≤ 0,01 dB | verdict |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|');
const engineScenarios = ENGINE_SCENARIOS.filter((scenario) => !only.length || only.some((key) => scenario.name.startsWith(`(${key})`)));
for (const scenario of engineScenarios) {
  const row = runEngineBench(scenario);
  console.log(`| ${row.scenario} | ${row.cells} | ${row.radios} | ${row.fullS.toFixed(3)} | ${row.firstMapS.toFixed(3)} | ${row.pairNs.toFixed(1)} | ${row.bruteS.toFixed(2)} | ${row.brutePairNs.toFixed(0)} | ${row.ratio.toFixed(0)}× | ${row.updateMs.toFixed(1)} | ${row.rssiUpdateMs.toFixed(1)} | ${row.allBandsUpdateMs.toFixed(1)} | ${row.memoryMb.toFixed(0)} | ${row.agreementPct.toFixed(4)} % | ${row.verdict} |`);
}
const bentScenarios = ENGINE_SCENARIOS.filter((scenario) => scenario.name.startsWith('(a)') || scenario.name.startsWith('(b)'));
if (only.length === 0 || only.includes('chemin')) {
  console.log('');
  console.log('Chemin dominant (option de l’étude) : calcul complet, contre le trajet direct seul dans la même exécution');
  console.log('| scénario | points de virage (extrémités des murs ≥ 10 dB) | trajet direct (s) | chemin dominant (s) | rapport |');
  console.log('|---|---:|---:|---:|---:|');
  for (const scenario of bentScenarios) {
    const row = runDominantPathBench(scenario);
    console.log(`| ${row.scenario} | ${row.turningPoints} | ${row.straightS.toFixed(3)} | ${row.bentS.toFixed(3)} | ${(row.bentS / row.straightS).toFixed(1)}× |`);
  }
}

if (only.length === 0 || only.includes('canaux')) {
  console.log('');
  console.log('Plan de canaux : planification (glouton + descente, 8 redémarrages) vs tourniquet, sur les mêmes étages générés');
  for (const line of runChannelPlanBench()) console.log(line);
}

if (only.length === 0 || only.includes('placement')) {
  console.log('');
  console.log('Placement automatique vs glouton (couverture d’ensembles) : −67 dBm sur 95 % de l’étage');
  for (const line of runPlacementBench()) console.log(line);
}

if (only.length === 0 || only.includes('canevas')) {
  console.log('');
  console.log('Canevas de l’éditeur : coût d’une image en déplacement/zoom, niveau de 3 000 m², 2 000 murs, 60 bornes, plan de 10 000 × 7 000 px');
  for (const line of await runCanvasBench()) console.log(line);
  console.log('');
  console.log('Éditeur réel (build de production, Chromium sans GPU) sur un grand plan d’architecte');
  for (const line of await runEditorBench()) console.log(line);
}

if (only.length === 0 || only.includes('3d')) {
  console.log('');
  console.log('Vue 3D : coût d’une image en rotation autour d’un bâtiment de 5 niveaux à 2 000 murs chacun');
  for (const line of await runThreeBench()) console.log(line);
}

if (only.length === 0 || only.includes('portail')) {
  console.log('');
  console.log('Portail de suivi en charge : 50 personnes consultent (liste puis page d’une commande, sans pause) et 5 déposent des archives de 1 Mio (pause de 2 s), pendant une minute');
  for (const line of await runPortalLoadBench()) console.log(line);
}
