import { type Browser, chromium } from '@playwright/test'

/** Debian's Chromium, headless, as the browser tests use it. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // The player is started by a click; the benchmark's clicks count as gestures anyway.
      '--autoplay-policy=no-user-gesture-required',
    ],
  })
}
