/**
 * Text from the engine (an error's message) as the page shows it: never a raw "NaN" or "Infinity" (issue 11, item 14).
 * A non-finite number in a message becomes words ("not a number", "infinite", "minus infinite"), and a message is
 * cut at MAX_SCREEN_CHARS characters so a pathological input cannot flood the page.
 */

/** Longest engine message the page shows (characters, then "…"). */
export const MAX_SCREEN_CHARS = 400;

/** `message` with its non-finite numbers in words and at most MAX_SCREEN_CHARS characters. */
export function screenText(message: string): string {
  const words = message
    .replace(/-Infinity\b/g, 'minus infinite')
    .replace(/\+?\bInfinity\b/g, 'infinite')
    .replace(/\bNaN\b/g, 'not a number');
  const chars = Array.from(words);
  return chars.length <= MAX_SCREEN_CHARS ? words : `${chars.slice(0, MAX_SCREEN_CHARS).join('')}…`;
}
