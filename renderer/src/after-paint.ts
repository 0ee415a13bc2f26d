/** Runs `task` once the frame now being prepared has been painted: a task queued from the next animation frame. */
export function afterPaint(task: () => void): void {
  requestAnimationFrame(() => setTimeout(task, 0));
}
