/**
 * Wi-Fi scans pasted from the operating system, for stop-and-go entry: `nmcli -t dev wifi list` (Linux),
 * `netsh wlan show networks mode=bssid` (Windows), `wdutil info` and `system_profiler SPAirPortDataType -json`
 * (macOS). Linux and Windows give a signal quality in percent, converted with the mapping both use
 * (0 % = −100 dBm, 100 % = −50 dBm): an approximation the audit marks as such. macOS gives dBm but hides BSSIDs.
 */
import type { Band } from '../../model/schema.ts';
import type { SurveyReading } from './survey-import.ts';

export type OsScanFormat = 'nmcli' | 'netsh' | 'wdutil' | 'system_profiler';

export const percentToDbm = (percent: number) => Math.min(-50, Math.max(-100, percent / 2 - 100));

const bandOfChannel = (channel: number): Band => (channel <= 14 ? '2.4' : '5');

/** A reading, or null when its signal is not a level in dBm or its channel is not an 802.11 channel (counted as rejected). */
function reading(bssid: string, ssid: string, band: Band, channel: number | null, widthMHz: number | null, rssiDbm: number, noiseDbm: number | null = null): SurveyReading | null {
  if (!Number.isFinite(rssiDbm) || rssiDbm >= 0 || rssiDbm < -150) return null;
  if (channel !== null && !(Number.isInteger(channel) && channel >= 1 && channel <= 233)) return null;
  const width = widthMHz === 20 || widthMHz === 40 || widthMHz === 80 || widthMHz === 160 ? widthMHz : null;
  const noise = noiseDbm !== null && Number.isFinite(noiseDbm) && noiseDbm < 0 && noiseDbm >= -150 ? noiseDbm : null;
  return { bssid: bssid.toLowerCase().slice(0, 40), ssid: ssid.slice(0, 64), band, channel, widthMHz: width, rssiDbm, noiseDbm: noise };
}

/** Readings of one scan and the entries left out (unreadable signal or channel). */
interface ScanReadings {
  readings: SurveyReading[];
  rejected: number;
}

function collect(): ScanReadings & { add(value: SurveyReading | null): void } {
  return {
    readings: [],
    rejected: 0,
    add(value) {
      if (value) this.readings.push(value);
      else this.rejected++;
    },
  };
}

function nmcli(text: string): ScanReadings {
  const readings = collect();
  for (const line of text.split(/\r?\n/)) {
    // The leading in-use column is a space or `*`; a paste trimmed of its first space still counts.
    if (!/^[ *]?:/.test(line)) continue;
    // Fields are separated by ':'; colons inside a field are escaped as '\:' and backslashes as '\\'.
    const fields: string[] = [];
    let field = '';
    for (let index = 0; index < line.length; index++) {
      const char = line[index]!;
      if (char === '\\' && index + 1 < line.length) field += line[++index]!;
      else if (char === ':') {
        fields.push(field);
        field = '';
      } else field += char;
    }
    fields.push(field);
    const [, bssid, ssid, , channel, , signal] = fields;
    const channelNumber = Number(channel);
    const percent = Number(signal);
    if (!bssid) continue;
    readings.add(Number.isInteger(channelNumber) && Number.isFinite(percent) ? reading(bssid, ssid ?? '', bandOfChannel(channelNumber), channelNumber, null, percentToDbm(percent)) : null);
  }
  return readings;
}

/** `netsh wlan show networks mode=bssid`, in English or French (« Canal », « Bande », « 2,4 GHz »). */
function netsh(text: string): ScanReadings {
  const readings = collect();
  let ssid = '';
  let current: { bssid: string; percent?: number; band?: Band; channel?: number } | null = null;
  const flush = () => {
    if (!current) return;
    const { bssid, percent, channel, band } = current;
    readings.add(percent !== undefined && channel !== undefined ? reading(bssid, ssid, band ?? bandOfChannel(channel), channel, null, percentToDbm(percent)) : null);
    current = null;
  };
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*([^:]+?)\s*:\s*(.*?)\s*$/.exec(line);
    if (!match) continue;
    const [, key, value] = match as unknown as [string, string, string];
    if (/^SSID \d+$/.test(key)) {
      flush();
      ssid = value;
    } else if (/^BSSID \d+$/.test(key)) {
      flush();
      current = { bssid: value };
    } else if (current && key === 'Signal') current.percent = Number(value.replace('%', '').trim());
    else if (current && (key === 'Band' || key === 'Bande')) current.band = /^2[.,]4/.test(value) ? '2.4' : value.startsWith('6') ? '6' : '5';
    else if (current && (key === 'Channel' || key === 'Canal')) current.channel = Number(value);
  }
  flush();
  return readings;
}

function wdutil(text: string): ScanReadings {
  const value = (key: string) => new RegExp(`^\\s*${key}\\s*:\\s*(.+?)\\s*$`, 'm').exec(text)?.[1];
  const rssi = Number(value('RSSI')?.replace('dBm', ''));
  const channel = /^(\d)g(\d+)\/(\d+)/.exec(value('Channel') ?? '');
  if (!Number.isFinite(rssi) || !channel) return { readings: [], rejected: 1 };
  const band: Band = channel[1] === '2' ? '2.4' : channel[1] === '6' ? '6' : '5';
  const noise = Number(value('Noise')?.replace('dBm', ''));
  const bssid = value('BSSID') ?? '';
  const ssid = value('SSID') ?? '';
  const readings = collect();
  readings.add(reading(bssid.includes('redacted') ? '' : bssid, ssid.includes('redacted') ? '' : ssid, band, Number(channel[2]), Number(channel[3]), rssi, Number.isFinite(noise) ? noise : null));
  return readings;
}

function systemProfiler(json: unknown): ScanReadings {
  const interfaces = (json as { SPAirPortDataType?: { spairport_airport_interfaces?: Record<string, unknown>[] }[] }).SPAirPortDataType?.[0]?.spairport_airport_interfaces ?? [];
  const readings = collect();
  for (const face of interfaces) {
    const networks = [...((face.spairport_airport_other_local_wireless_networks as Record<string, string>[] | undefined) ?? [])];
    for (const network of networks) {
      const signal = /(-?\d+)\s*dBm\s*\/\s*(-?\d+)\s*dBm/.exec(network.spairport_signal_noise ?? '');
      const channel = /^(\d+)\s*\((\d(?:\.\d)?)GHz,\s*(\d+)MHz\)/.exec(network.spairport_network_channel ?? '');
      if (!signal || !channel) {
        readings.rejected++;
        continue;
      }
      const band: Band = channel[2]!.startsWith('2') ? '2.4' : channel[2] === '6' ? '6' : '5';
      readings.add(reading('', network._name ?? '', band, Number(channel[1]), Number(channel[3]), Number(signal[1]), Number(signal[2])));
    }
  }
  return readings;
}

const plain = ({ readings, rejected }: ScanReadings): ScanReadings => ({ readings, rejected });

/** The readings of a pasted OS scan and the entries left out, or null when the text is none of the known formats. */
export function readOsScan(text: string): { format: OsScanFormat; readings: SurveyReading[]; rejected: number } | null {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    try {
      const json = JSON.parse(trimmed);
      if (json?.SPAirPortDataType) return { format: 'system_profiler', ...plain(systemProfiler(json)) };
    } catch {
      return null;
    }
    return null;
  }
  if (/^\s*BSSID \d+\s*:/m.test(trimmed)) return { format: 'netsh', ...plain(netsh(trimmed)) };
  if (/^[ *]?:([0-9A-Fa-f]{2}\\:){5}/m.test(trimmed)) return { format: 'nmcli', ...plain(nmcli(trimmed)) };
  if (/^\s*RSSI\s*:\s*-?\d+\s*dBm/m.test(trimmed) && /^\s*Channel\s*:\s*\dg\d+\//m.test(trimmed)) return { format: 'wdutil', ...plain(wdutil(trimmed)) };
  return null;
}
