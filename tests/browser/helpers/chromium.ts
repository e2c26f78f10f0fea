import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const CHROMIUM_FLAGS: string[] = require('../../../scripts/chromium-flags');

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Debian's Chromium; no browser download. The flags keep it off the (closed) network. */
export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: apt-get update && apt-get install -y chromium`);
  return chromium.launch({
    executablePath: CHROMIUM,
    timeout: 30_000,
    args: CHROMIUM_FLAGS,
  });
}
