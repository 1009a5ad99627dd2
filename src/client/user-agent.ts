import type {DeviceType} from './types.js';

/** What a user-agent string says about the browser and device; null where it does not say. */
export interface ParsedUserAgent {
  browser: string | null;
  os: string | null;
  deviceType: DeviceType | null;
}

/** First match wins: the order matters (Edge and Opera also say "Chrome", Chrome also says "Safari"). */
const BROWSERS: Array<[RegExp, string]> = [
  [/\bEdg(?:e|A|iOS)?\//, 'Edge'],
  [/\b(?:OPR|Opera)\//, 'Opera'],
  [/\bSamsungBrowser\//, 'Samsung Internet'],
  [/\bYaBrowser\//, 'Yandex'],
  [/\bVivaldi\//, 'Vivaldi'],
  [/\b(?:Firefox|FxiOS)\//, 'Firefox'],
  [/\b(?:Chrome|CriOS|Chromium|HeadlessChrome)\//, 'Chrome'],
  [/\bVersion\/[\d.]+.*\bSafari\//, 'Safari'],
];

const SYSTEMS: Array<[RegExp, string]> = [
  [/\biPad\b/, 'iPadOS'],
  [/\b(?:iPhone|iPod)\b/, 'iOS'],
  [/\bAndroid\b/, 'Android'],
  [/\bCrOS\b/, 'ChromeOS'],
  [/\bWindows\b/, 'Windows'],
  [/\bMac OS X\b|\bMacintosh\b/, 'macOS'],
  [/\bLinux\b/, 'Linux'],
];

/**
 * Browser, OS and device type from a user-agent string: a few patterns for the big browsers and
 * systems, not a full parser. Anything it does not recognize is null.
 */
export function parseUserAgent(userAgent: string | null | undefined): ParsedUserAgent {
  if (!userAgent) return {browser: null, os: null, deviceType: null};
  const browser = BROWSERS.find(([pattern]) => pattern.test(userAgent))?.[1] ?? null;
  const os = SYSTEMS.find(([pattern]) => pattern.test(userAgent))?.[1] ?? null;
  let deviceType: DeviceType | null = null;
  if (/\biPad\b|\bTablet\b/.test(userAgent) || (os === 'Android' && !/\bMobile\b/.test(userAgent))) deviceType = 'tablet';
  else if (/\bMobile\b|\biPhone\b|\biPod\b/.test(userAgent)) deviceType = 'mobile';
  else if (os === 'Windows' || os === 'macOS' || os === 'Linux' || os === 'ChromeOS') deviceType = 'desktop';
  return {browser, os, deviceType};
}
