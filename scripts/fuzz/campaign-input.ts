/** The campaign's seeds: the demo study and the real files in fixtures/ (their licences in fixtures/README.md). */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { unpackProject } from '../../src/io/project-package.ts';
import type { CampaignInput } from './campaign.ts';

// The repository root: npm scripts and vitest both run from it (the bundled script has no stable dirname).
const root = process.cwd();
const text = (path: string) => readFileSync(resolve(root, path), 'utf8');

export async function loadCampaignInput(): Promise<CampaignInput> {
  const { document, assets } = await unpackProject(new Uint8Array(readFileSync(resolve(root, 'public/demo/palais-de-justice.ondeplan'))));
  return {
    demo: document,
    demoAssets: assets,
    dxf: text('fixtures/plans/bureaux-mm.dxf'),
    // A generic CSV written from the NetSpot sample's first rows, with every documented column.
    surveyCsv: [
      'x_m;y_m;niveau;bssid;ssid;bande;canal;largeur_mhz;rssi_dbm;bruit_dbm',
      ...text('fixtures/surveys/netspot-plainsboro/scan-points.csv')
        .split(/\r?\n/)
        .slice(1, 40)
        .map((line) => line.split(','))
        .filter((cells) => cells.length > 5)
        .map((cells, index) => [cells[2], cells[3], cells[0], `aa:bb:cc:dd:ee:${String(index % 6).padStart(2, '0')}`, 'JUSTICE', '5', '36', '40', cells[5] || '-70', '-95'].join(';')),
    ].join('\n'),
    osScans: ['wifi-heatmapper__linux-nmcli-dev-wifi-list.txt', 'wifi-heatmapper__macOS15-wdutil-5GHz-en.txt', 'wifi-heatmapper__win-netsh-networks-en.txt', 'wifi-heatmapper__mac-sp_15.5.json'].map((name) => text(`fixtures/surveys/os-scan/${name}`)),
    iperf: ['wifi-heatmapper__iperf_tcp_mac.json', 'wifi-heatmapper__iperf_udp_mac.json', 'wifi-heatmapper__iperf_udp_ubuntu.json'].map((name) => text(`fixtures/surveys/iperf3/${name}`)),
  };
}
