import type { Ec2Result } from '../ec2/run.ts';
import type { RegionConfig } from './config.ts';
import { emptySpans, type DnsNight } from './dns-night.ts';
import type { NlbFleetNight } from './nlb-night.ts';

/** Something that happened in the night, from the model that saw it. */
export interface RegionEvent {
  readonly time: number;
  readonly source: 'dns' | 'ec2' | 'nlb';
  readonly text: string;
}

/** The night's turning points, in time order: for the replay's report and the charts' markers. */
export function regionEvents(config: RegionConfig, dns: DnsNight, ec2: Ec2Result, nlb: NlbFleetNight): RegionEvent[] {
  const events: RegionEvent[] = [];
  for (const span of emptySpans(dns.answers, config.endMs)) {
    events.push({ time: span.fromMs, source: 'dns', text: 'the regional endpoint answers with no addresses' });
    if (span.toMs < config.endMs) events.push({ time: span.toMs, source: 'dns', text: 'the regional endpoint answers again' });
  }
  for (const e of ec2.events) events.push({ time: e.time, source: 'ec2', text: e.text });
  const firstWithdrawal = nlb.dnsChanges.find((c) => c.change === 'withdrawn' && c.by === 'failover');
  if (firstWithdrawal !== undefined) {
    events.push({ time: firstWithdrawal.time, source: 'nlb', text: `automatic failover first withdraws an AZ (${firstWithdrawal.az}) of a load balancer from DNS` });
  }
  const withdrawals = nlb.dnsChanges.filter((c) => c.change === 'withdrawn' && c.by === 'failover').length;
  if (nlb.failoverSwitchedOff) {
    events.push({ time: config.operators.nlbFailoverOffAt, source: 'nlb', text: `operators switch automatic failover off after ${withdrawals} withdrawals` });
  }
  return events.sort((a, b) => a.time - b.time);
}
