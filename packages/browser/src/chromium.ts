import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';

/**
 * Browser tests and PDF export drive Debian's `chromium` package through playwright-core.
 * We never download a browser: learners install on conference Wi-Fi, and CI has no
 * internet but the package registries.
 */
const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium', '/usr/bin/google-chrome'];

/**
 * Flags for a closed network: without the background-networking ones Chromium keeps
 * trying to reach Google's hosts, and as root it needs --no-sandbox.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Path of a usable Chromium, honouring CHROMIUM_PATH, or null. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const override = env['CHROMIUM_PATH'];
  if (override !== undefined && override !== '') return existsSync(override) ? override : null;
  return CANDIDATES.find((p) => existsSync(p)) ?? null;
}

export type BrowserGate = { readonly run: true; readonly executablePath: string } | { readonly run: false; readonly reason: string };

/**
 * Whether browser tests can run here. On a learner's laptop without Chromium they are
 * skipped with a clear reason; under CI a missing browser is an error, never a skip.
 */
export function browserGate(env: NodeJS.ProcessEnv = process.env): BrowserGate {
  const path = findChromium(env);
  if (path !== null) return { run: true, executablePath: path };
  const reason = 'no Chromium found (install Debian\'s `chromium` package or set CHROMIUM_PATH); browser tests skipped';
  if (env['CI'] !== undefined && env['CI'] !== '' && env['CI'] !== 'false') {
    throw new Error(`CI is set but ${reason.replace('; browser tests skipped', '')}: .ci/run should have installed it`);
  }
  return { run: false, reason };
}

export async function launchChromium(executablePath: string): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath, args: [...CHROMIUM_ARGS], headless: true });
}
