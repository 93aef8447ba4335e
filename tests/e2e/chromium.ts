/**
 * @module Where the browser tests find Debian's Chromium and how they start it. Without Chromium
 * they skip locally (with the reason) and fail in CI, where `.ci/run` installs it.
 */
import { existsSync } from 'node:fs';

export const CHROMIUM = process.env.MARQUEE_CHROMIUM ?? '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM);
export const SKIP: string | false = !HAS_CHROMIUM && !process.env.CI ? `Chromium not found at ${CHROMIUM} (apt-get install chromium); skipped locally, required in CI` : false;
/** Flags that keep Chromium from reaching for the (closed) network on its own. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
