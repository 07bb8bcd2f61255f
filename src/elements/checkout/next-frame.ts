/**
 * The next animation frame, or a second at most (a visible but throttled window gets no frames).
 * The checkout renders there: at most once per frame, however many stream frames or polls arrive.
 */
export function nextFrame(): Promise<void> {
  return new Promise<void>((resolve) => {
    const fallback = setTimeout(() => {
      cancelAnimationFrame(frame);
      resolve();
    }, 1000);
    const frame = requestAnimationFrame(() => {
      clearTimeout(fallback);
      resolve();
    });
  });
}
