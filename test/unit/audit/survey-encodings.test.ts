/**
 * Finding 5 of the robustness campaign: Latin-1 files silently corrupted and their accented headers not recognised,
 * rows past 2 million dropped without a count, an unclosed quote reported as « 1 rejected », a decimal comma in a
 * comma-separated file reported as « signal hors plage ». Each test failed before papaparse and the decoder.
 */
import { describe, expect, it } from 'vitest';
import { readSurveyBytes, readSurveyText } from '../../../src/audit/import-survey-file.ts';
import { parseCsv } from '../../../src/import/survey/csv.ts';
import { decodeText } from '../../../src/import/survey/decode-text.ts';

const options = { metersPerPixel: null, bounds: null, defaultName: 'Mesures' };
const latin1 = (text: string) => Uint8Array.from([...text].map((character) => character.charCodeAt(0)));
const utf16le = (text: string) => Uint8Array.from([0xff, 0xfe, ...[...text].flatMap((character) => [character.charCodeAt(0) & 0xff, character.charCodeAt(0) >> 8])]);

describe('survey files in any encoding', () => {
  const csv = 'x_m;y_m;Étage;Réseau;rssi_dbm;canal\n1;2;Rez-de-chaussée;Accueil;-61;36\n3;4;Rez-de-chaussée;Accueil;-70;36\n';

  it.each([
    ['UTF-8', new TextEncoder().encode(csv), 'utf-8'],
    ['UTF-8 with a BOM', Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(csv)]), 'utf-8'],
    ['Windows-1252 / Latin-1', latin1(csv), 'windows-1252'],
    ['UTF-16 LE with a BOM', utf16le(csv), 'utf-16le'],
    ['UTF-16 LE without a BOM', utf16le(csv).subarray(2), 'utf-16le'],
  ])('%s: text, accented headers and level names come through', (_name, bytes, encoding) => {
    expect(decodeText(bytes).encoding).toBe(encoding);
    const reading = readSurveyBytes(bytes, 'releve.csv', options);
    expect(reading.kind).toBe('read');
    if (reading.kind !== 'read') return;
    expect(reading.result.datasets.map((dataset) => dataset.name)).toEqual(['Rez-de-chaussée']);
    expect(reading.result.datasets[0]!.points.map((point) => point.readings[0]!.ssid)).toEqual(['Accueil', 'Accueil']);
  });
});

describe('rows the reader leaves out are counted by their true reason', () => {
  it('an unclosed quote: the rows it swallows are counted as such, not as one bad signal', () => {
    const reading = readSurveyText('x_m,y_m,ssid,rssi_dbm\n1,1,"Accueil,-60\n2,2,Accueil,-61\n3,3,Accueil,-62\n', 'q.csv', options);
    expect(reading.kind).toBe('read');
    if (reading.kind !== 'read') return;
    expect(reading.result.rejected).toEqual({ 'guillemet ouvert jamais refermé': 1 });
    expect(reading.result.rowCount).toBe(1);
  });

  it('a decimal comma in a comma-separated file is named as such', () => {
    const reading = readSurveyText('x_m,y_m,rssi_dbm,bande\n1,5,2,-67,5,5\n3,4,-70,5\n', 'v.csv', options);
    expect(reading.kind).toBe('read');
    if (reading.kind !== 'read') return;
    expect(Object.keys(reading.result.rejected)).toEqual(['plus de cellules que l’en-tête (virgule décimale dans un fichier séparé par des virgules ?)']);
    expect(reading.result.datasets[0]!.points).toHaveLength(1);
  });

  it('rows beyond the limit are counted, not dropped', () => {
    const table = parseCsv(`x_m;y_m;rssi_dbm\n${Array.from({ length: 12 }, (_, index) => `${index};0;-60`).join('\n')}`, 10);
    expect(table.rows).toHaveLength(10);
    expect(table.rejected).toEqual({ 'au-delà de la limite de 10 lignes': 2 });
  });

  it('a pipe-separated file is read', () => {
    const table = parseCsv('x_m|y_m|rssi_dbm\n1|2|-60\n');
    expect(table.delimiter).toBe('|');
    expect(table.rows).toEqual([['1', '2', '-60']]);
  });

  it('quoted cells keep their delimiters and doubled quotes (RFC 4180)', () => {
    const table = parseCsv('x_m,y_m,ssid,rssi_dbm\r\n1,2,"Salle ""A"", étage",-60\r\n');
    expect(table.rows).toEqual([['1', '2', 'Salle "A", étage', '-60']]);
  });
});
