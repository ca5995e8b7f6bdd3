import {
  REGIONAL_ENDPOINT,
  escapeXml,
  formatClock,
  generationOfSet,
  lockName,
  planSetName,
  rollbackName,
  type DnsWorld,
  type SequenceMark,
  type SequenceMessage,
  type TraceStep,
} from '@outage-lab/core';
import { renderSequenceDiagram } from '@outage-lab/core/render';
import type { InvariantLight, PlayerSession } from './player-session.ts';

/** Rows of the sequence diagram: the last steps, so it grows until it fills the slide and then scrolls. */
const ROWS = 9;

const html = escapeXml;

/**
 * The player's view of one step: the sequence diagram of the latest steps, Route 53's
 * records for the regional endpoint, the plan store, the Enactors, the invariants and the
 * timeline. Pure text, so the deck build draws the printed frame with the same code the
 * browser runs.
 */
export function renderPlayerView(session: PlayerSession): string {
  const lights = session.lights();
  return (
    `<div class="player-seq">${sequence(session, lights)}</div>` +
    `<div class="player-state">${invariants(lights)}${records(session.world)}${enactors(session.world)}</div>` +
    // A named, focusable region: the timeline scrolls, and a deck may hold two players.
    `<pre class="player-timeline" role="region" aria-label="Timeline of ${html(session.source.scenario.name)}, seed ${session.source.seed}" tabindex="0">${html(session.timeline())}</pre>`
  );
}

/** One line for the status bar: where the run is. */
export function playerStatus(session: PlayerSession): string {
  const ended = session.endedBy === null ? '' : ` · run ended (${session.endedBy === 'time' ? 'time is up' : session.endedBy === 'quiescent' ? 'nothing left to do' : 'schedule used up'})`;
  return `step ${session.steps} · ${formatClock(session.now, { withDay: true })}${ended}`;
}

function sequence(session: PlayerSession, lights: readonly InvariantLight[]): string {
  const world = session.world;
  const lanes = [
    { id: 'dns-planner', label: 'DnsPlanner' },
    ...world.enactors.map((e) => ({ id: e.id, label: `Enactor ${e.az}` })),
    { id: 'route53', label: 'Route53' },
    { id: 'operator', label: 'Operators' },
  ];
  const trace = session.trace;
  const shown = trace.slice(-ROWS);
  const first = trace.length - shown.length;
  const breaks = session.firstBreaks();
  const marks: SequenceMark[] = [];
  shown.forEach((step, i) => {
    const broke = breaks.filter((v) => v.step === step.index).map((v) => v.invariant);
    if (broke.length > 0) marks.push({ at: i, label: `breaks ${broke.join(', ')}`, tone: 'danger' });
  });
  const title = trace.length === 0 ? `${session.source.scenario.name}: before the first step` : `${session.source.scenario.name}: steps ${first + 1}–${trace.length}`;
  const messages = shown.map(messageOf);
  if (messages.length === 0) messages.push({ from: 'route53', to: 'route53', label: 'press Step', time: '' });
  const broken = lights.some((l) => l.status === 'broken');
  return renderSequenceDiagram({ title: broken ? `${title} (an invariant is broken)` : title, lanes, messages, marks });
}

function messageOf(step: TraceStep): SequenceMessage {
  const time = `${step.index + 1} ${formatClock(step.time, { millis: false })}`;
  const action = step.action.replace(REGIONAL_ENDPOINT, 'regional').replace(/\b\d{9,}\.ddb\.us-east-1\.amazonaws\.com/, 'an endpoint');
  if (step.actor === 'dns-planner' || step.action.startsWith('check freshness')) {
    return { from: step.actor, to: step.actor, label: step.actor === 'dns-planner' ? action : `${action}: ${step.ok ? 'go' : 'no'}`, time, ok: step.ok };
  }
  return { from: step.actor, to: 'route53', label: action, time, ok: step.ok };
}

function invariants(lights: readonly InvariantLight[]): string {
  const rows = lights.map((l) => {
    const when = l.status === 'pending' ? 'judged when the run ends' : l.status === 'holds' ? 'holds' : l.status === 'broken' ? 'broken now' : `broken at step ${l.firstBrokenAt ?? '?'}, holds now`;
    const title = l.message === null ? '' : ` title="${html(l.message)}"`;
    return `<li class="light light-${l.status}"${title}><span class="light-dot" aria-hidden="true"></span><span class="light-name">${html(l.name)}</span> <span class="light-when">${html(when)}</span></li>`;
  });
  const broken = lights.find((l) => l.status === 'broken');
  const why = broken === undefined || broken.message === null ? '' : `<p class="light-why">${html(broken.message)}</p>`;
  return `<h3>Invariants</h3><ul class="lights">${rows.join('')}</ul>${why}`;
}

/** Route 53 as the regional endpoint sees it: the root ALIAS, the rollback, the lock and each generation's set. */
function records(world: DnsWorld): string {
  const zone = world.route53;
  const endpoint = world.config.endpoints.find((e) => e.name === REGIONAL_ENDPOINT) ?? world.config.endpoints[0];
  if (endpoint === undefined) return '';
  const root = zone.get(endpoint.name, 'ALIAS')?.value;
  const rollback = zone.get(rollbackName(endpoint.name), 'ALIAS')?.value;
  const lock = zone.get(lockName(endpoint.name), 'TXT')?.value;
  const sets = zone
    .planSets()
    .filter((s) => s.name === planSetName(endpoint.name, s.generation))
    .sort((a, b) => a.generation - b.generation);
  const target = (name: string | undefined): string => {
    if (name === undefined) return '<span class="missing">none</span>';
    const generation = generationOfSet(name);
    const label = generation === null ? name : `gen ${generation}`;
    return zone.exists(name) ? html(label) : `<span class="missing">${html(label)} (deleted)</span>`;
  };
  const setItems = sets.map((s) => {
    const tags = [s.name === root ? 'root' : '', s.name === rollback ? 'rollback' : ''].filter((t) => t !== '');
    const records = zone.recordsAt(s.name).length;
    const note = [...tags, ...(records === 0 ? ['empty'] : [])].join(', ');
    return `<li${tags.length > 0 ? ' class="in-use"' : ''} title="${html(`${s.name}: ${records} records`)}">${s.generation}${note === '' ? '' : ` <small>${note}</small>`}</li>`;
  });
  const holder = lock === undefined ? 'free' : (/holder=([^;]+)/.exec(lock)?.[1] ?? 'held');
  const others = world.config.endpoints.length - 1;
  return (
    `<h3>Route 53 · ${endpoint.name === REGIONAL_ENDPOINT ? 'regional endpoint' : html(endpoint.name)}${others > 0 ? ` <small>(+${others} others)</small>` : ''}</h3>` +
    `<dl class="records"><dt>root ALIAS</dt><dd>${target(root)}</dd><dt>rollback</dt><dd>${target(rollback)}</dd><dt>lock</dt><dd>${html(holder)}</dd></dl>` +
    `<p class="sets-label">record sets, by generation</p><ul class="sets" aria-label="Record sets">${setItems.join('') || '<li class="missing">none</li>'}</ul>` +
    `<h3>Plan store</h3><p class="plans">${planStore(world)}</p>`
  );
}

function planStore(world: DnsWorld): string {
  const generations = world.plans.generations();
  if (generations.length === 0) return '<span class="missing">empty</span>';
  return `gen ${generations.join(' ')} <small>· newest ${world.plans.newestGeneration}</small>`;
}

function enactors(world: DnsWorld): string {
  const rows = world.enactors.map((e) => {
    const endpoint = world.config.endpoints[e.endpoint]?.name === REGIONAL_ENDPOINT ? 'regional' : `endpoint ${e.endpoint + 1}`;
    const doing = e.phase === 'idle' ? 'idle' : `${e.phase} gen ${e.plan?.generation ?? '?'}${e.phase === 'cleanup' ? '' : ` on ${endpoint}`}`;
    return `<li><b>${html(e.az)}</b> ${html(doing)} <small>· applied ${e.lastApplied}</small></li>`;
  });
  return `<h3>Enactors</h3><ul class="enactors">${rows.join('')}</ul>`;
}

