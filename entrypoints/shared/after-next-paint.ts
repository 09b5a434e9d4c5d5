/**
 * Resolves once the next frame has been drawn: work started before it would hold the first paint back.
 * A page that draws no frames (hidden, a frame in a background tab) goes on after `fallbackMs`, when given.
 */
export function afterNextPaint(fallbackMs?: number): Promise<void> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve, 0));
    if (fallbackMs !== undefined) setTimeout(resolve, fallbackMs);
  });
}
