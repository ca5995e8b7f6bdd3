import { ConfigError, check, escapeXml, pdt } from '@outage-lab/core';
import type { Widget, WidgetRequest, WidgetSource } from '@outage-lab/slides';
import { browserBundle, widgetCss } from './bundle.ts';
import { ENACTOR_PROGRAMS } from './enactors.ts';
import { KNOB_NIGHTS, defaults, settingText } from './knob-nights.ts';
import { PlayerSession, readSource, sourceText } from './player-session.ts';
import { PLAYER_KEYS } from './player-keys.ts';
import { playerStatus, renderPlayerView } from './player-view.ts';

export interface PlayerConfig {
  readonly source: string;
  readonly enactor: string;
  readonly start: number;
}

export interface KnobsConfig {
  readonly night: string;
  readonly seed: number;
}

const html = escapeXml;

/**
 * The course's live widgets for the slide engine:
 * - ```sim-player <replay string> [enactor=fixed] [start=N]``` — the race player;
 * - ```sim-knobs <night> [seed=N]``` — a night with sliders (nlb-velocity, ec2-throttle).
 * Each draws its static frame here, at build time, with the same code the browser runs.
 */
export const liveWidgets: WidgetSource = {
  kinds: ['sim-player', 'sim-knobs'],
  render(request: WidgetRequest): Widget {
    return request.kind === 'sim-player' ? player(request) : knobs(request);
  },
};

function player(request: WidgetRequest): Widget {
  const [text, ...params] = request.args;
  if (text === undefined) throw new Error('sim-player needs a replay string, e.g. ```sim-player smallScope@replay#0:P.a1.P');
  const config = { source: '', enactor: 'faithful', start: 0 };
  let startAt: string | null = null;
  try {
    config.source = sourceText(readSource(text));
    for (const param of params) {
      const [key, value = ''] = param.split('=');
      if (key === 'enactor') config.enactor = check.oneOf('enactor', value, Object.keys(ENACTOR_PROGRAMS));
      else if (key === 'start' && /^\d\d:\d\d(:\d\d)?$/.test(value)) startAt = value;
      else if (key === 'start') config.start = check.integerAtLeast('start', Number(value === '' ? NaN : value), 0);
      else throw new ConfigError('sim-player', `unknown parameter ${JSON.stringify(param)}`, 'enactor=faithful|fixed, start=<step> or start=<HH:MM[:SS] on 19 October>');
    }
  } catch (error) {
    throw new Error(`sim-player: ${error instanceof Error ? error.message : String(error)}`);
  }
  const session = new PlayerSession(readSource(config.source), ENACTOR_PROGRAMS[config.enactor]?.());
  // The printed frame: the default schedule played to its end.
  session.goTo(Number.MAX_SAFE_INTEGER);
  if (startAt !== null) {
    // A clock time rather than a step number, so the deck still starts at the same moment when the model gains steps.
    const at = pdt(startAt);
    const index = session.trace.findIndex((s) => s.time >= at);
    if (index < 0) throw new Error(`sim-player: the run has no step at or after ${startAt}`);
    config.start = index;
  } else if (config.start > session.steps) {
    throw new Error(`sim-player: start=${config.start} is past the run's last step (${session.steps})`);
  }
  const frame =
    `<div class="player" data-config="${html(JSON.stringify(config))}">` +
    `<div class="player-bar"><span class="player-status">${html(playerStatus(session))}</span><code class="player-source">${html(config.source)}${config.enactor === 'fixed' ? ' · fixed Enactor' : ''}</code></div>` +
    `<div class="player-view">${renderPlayerView(session)}</div></div>` +
    caption(request.body);
  return { html: frame, script: { name: 'sim-player', title: 'Race player', keys: PLAYER_KEYS.map((k) => [k.label, k.what] as const), code: browserBundle('player'), css: widgetCss('player') } };
}

function knobs(request: WidgetRequest): Widget {
  const [name, ...params] = request.args;
  const night = name === undefined ? undefined : KNOB_NIGHTS[name];
  if (night === undefined) throw new Error(`sim-knobs: no night named ${JSON.stringify(name ?? '')} (valid: ${Object.keys(KNOB_NIGHTS).join(', ')})`);
  let seed = request.seed;
  for (const param of params) {
    const match = /^seed=(\d+)$/.exec(param);
    if (match === null) throw new Error(`sim-knobs ${night.name}: unknown parameter ${JSON.stringify(param)} (valid: seed=<whole number>)`);
    seed = Number(match[1]);
  }
  const values = defaults(night);
  const config: KnobsConfig = { night: night.name, seed };
  const settings = night.knobs.map((k, i) => `<dt>${html(k.label)}</dt><dd>${html(k.format(values[i] ?? k.value))}</dd>`).join('');
  const frame =
    `<div class="knobs" data-config="${html(JSON.stringify(config))}" data-setting="${settingText(values)}">` +
    `<dl class="knob-values">${settings}</dl><div class="knob-chart">${night.draw(values, seed)}</div></div>` +
    caption(request.body);
  return { html: frame, script: { name: 'sim-knobs', code: browserBundle('knobs'), css: widgetCss('knobs') } };
}

function caption(body: string): string {
  const text = body.trim();
  return text === '' ? '' : `<p class="widget-caption">${html(text)}</p>`;
}
