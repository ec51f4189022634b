// Axis arithmetic for the build-time SVG charts: a "nice" top value and its ticks, and how
// wide a bar is as a share of the largest. Pure; a few lines rather than a scale library.

/** The axis top and tick step for values up to `max`: step 1, 2 or 5 × 10^k, about `count` steps. */
export function niceAxis(max: number, count = 4): { top: number; step: number; ticks: number[] } {
  if (!(max > 0)) return { top: 1, step: 1, ticks: [0, 1] };
  const rough = max / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough)!;
  const top = Math.ceil(max / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let i = 0; i * step <= top + step / 1e6; i++) ticks.push(round(i * step));
  return { top: round(top), step: round(step), ticks };
}

/** `value` as a percentage of `of`, to 0.1 (`0` when `of` is 0): for SVG widths and positions. */
export function percentOf(value: number, of: number): number {
  return of > 0 ? Math.round((value / of) * 1000) / 10 : 0;
}

/** Strip floating-point noise (0.30000000000000004 → 0.3). */
function round(x: number): number {
  return Number(x.toPrecision(12));
}
