// SVG geometry for the charts, in data units (one unit a step along x, one unit a value up y,
// y growing downwards from `top`): pure strings, drawn in a viewBox stretched to the width.

/** A stepped area: up and across each value's column, from the baseline and back to it. */
export function stepArea(values: readonly number[], top: number): string {
  return `M0 ${top}${values.map((v, i) => `V${top - v}H${i + 1}`).join('')}V${top}Z`;
}

/**
 * A line through `values` at x = 0, 1, 2 …, as `polyline` point lists: one list for each run
 * of known values (a null breaks the line). A single value is drawn across one step.
 */
export function lineRuns(values: readonly (number | null)[], top: number): string[][] {
  const series = values.length === 1 ? [values[0], values[0]] : values;
  const runs: string[][] = [[]];
  series.forEach((v, i) => {
    if (v === null) runs.push([]);
    else runs.at(-1)!.push(`${i},${Math.round((top - v) * 100) / 100}`);
  });
  return runs.filter((r) => r.length > 0);
}
