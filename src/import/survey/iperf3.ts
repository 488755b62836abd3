/**
 * An `iperf3 -J` result attached to a survey point. TCP: `end.sum_received` (or `sum_sent`); UDP: `end.sum` (iperf
 * 3.9) or `end.sum_received`, with jitter and loss. `start.test_start.reverse` tells the direction: reverse = the
 * server sends = download at the surveyed client.
 */
import type { SurveyPoint } from './survey-import.ts';

type Active = NonNullable<SurveyPoint['active']>;

interface IperfSum {
  bits_per_second?: number;
  jitter_ms?: number;
  lost_percent?: number;
}

export function readIperf3(text: string): Active | null {
  let json: { start?: { test_start?: { protocol?: string; reverse?: number } }; end?: { sum?: IperfSum; sum_received?: IperfSum; sum_sent?: IperfSum }; error?: string };
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  if (!json.end || json.error) return null;
  const protocol = (json.start?.test_start?.protocol ?? '').toLowerCase() === 'udp' ? 'udp' : 'tcp';
  const sum = protocol === 'udp' ? (json.end.sum_received ?? json.end.sum) : (json.end.sum_received ?? json.end.sum_sent ?? json.end.sum);
  if (!sum || typeof sum.bits_per_second !== 'number' || !Number.isFinite(sum.bits_per_second) || sum.bits_per_second < 0) return null;
  const mbps = Math.round((sum.bits_per_second / 1e6) * 100) / 100;
  const reverse = Boolean(json.start?.test_start?.reverse);
  const udp = protocol === 'udp' ? (json.end.sum ?? sum) : null;
  return {
    protocol,
    downloadMbps: reverse ? mbps : null,
    uploadMbps: reverse ? null : mbps,
    // A negative or non-finite jitter or loss is no measurement: left empty rather than stored.
    jitterMs: udp && typeof udp.jitter_ms === 'number' && Number.isFinite(udp.jitter_ms) && udp.jitter_ms >= 0 ? udp.jitter_ms : null,
    lossPercent: udp && typeof udp.lost_percent === 'number' && Number.isFinite(udp.lost_percent) ? Math.min(100, Math.max(0, udp.lost_percent)) : null,
  };
}
