/**
 * `next` as the new words of a live region that holds `shown`: the same words are made to differ
 * by a trailing no-break space (not spoken), so that the region is said again. A payer who
 * presses Enter twice on the same mistake hears it twice (WCAG 3.3.1, 4.1.3).
 */
export function sayAgain(shown: string, next: string): string {
  return next && next === shown ? `${next}\u00a0` : next;
}
