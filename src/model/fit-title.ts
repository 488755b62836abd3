import { LIMITS } from './schema.ts';

/**
 * A title made from another (« … (copie) », « … (importée) ») that stays within the title limit: the original is
 * shortened, with an ellipsis, rather than the generated name refused.
 */
export function fitTitle(title: string, decorate: (title: string) => string): string {
  const whole = decorate(title);
  if (whole.length <= LIMITS.titleChars) return whole;
  const room = LIMITS.titleChars - (whole.length - title.length) - 1;
  return decorate(`${[...title].slice(0, Math.max(0, room)).join('').trimEnd()}…`);
}
