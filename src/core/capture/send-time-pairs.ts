/**
 * Which page report belongs to which call, by send time: the same answer whatever order they reached the host in.
 * Why not the nearest one present as each arrives: the halves of a call come separately (a report by messaging,
 * a request through the network stack, either one seconds late while a stopped worker starts), so a report would
 * take a neighbour of its call while its own call is still on its way, and pass the wrong body and outcome on.
 *
 * A page sends its calls in one order and the browser starts their requests in that same order, a few ms later:
 * pairs never cross. Of the pairings that do not cross and join halves at most `windowMs` apart, this is the one
 * that pairs the most, then the one nearest in total send time. Halves sent in the same millisecond keep the order
 * they are given in (their arrival).
 */
export interface Timed {
  readonly at: number;
}

interface Best {
  readonly pairs: number;
  readonly distance: number;
  /** How this prefix was reached: a report left out, a call left out, or the two paired. */
  readonly step: 'skip-report' | 'skip-call' | 'pair' | 'start';
}

const better = (a: Best, b: Best): boolean => a.pairs > b.pairs || (a.pairs === b.pairs && a.distance < b.distance);

/** The pairs, call -> report. */
export function pairsBySendTime<R extends Timed, C extends Timed>(
  reportsGiven: readonly R[],
  callsGiven: readonly C[],
  windowMs: number,
): Map<C, R> {
  const reports = [...reportsGiven].sort((a, b) => a.at - b.at); // stable: ties keep their order
  const calls = [...callsGiven].sort((a, b) => a.at - b.at);
  // best[i][j]: the best pairing of the first i reports with the first j calls.
  const best: Best[][] = [];
  for (let i = 0; i <= reports.length; i++) {
    const row: Best[] = [];
    best.push(row);
    for (let j = 0; j <= calls.length; j++) {
      let choice: Best = { pairs: 0, distance: 0, step: 'start' };
      const withoutReport = best[i - 1]?.[j];
      const withoutCall = row[j - 1];
      if (withoutReport) choice = { ...withoutReport, step: 'skip-report' };
      if (withoutCall && better(withoutCall, choice)) choice = { ...withoutCall, step: 'skip-call' };
      const before = best[i - 1]?.[j - 1];
      const distance = Math.abs((reports[i - 1]?.at ?? NaN) - (calls[j - 1]?.at ?? NaN));
      if (before && distance <= windowMs) {
        const paired: Best = { pairs: before.pairs + 1, distance: before.distance + distance, step: 'pair' };
        if (!better(choice, paired)) choice = paired;
      }
      row.push(choice);
    }
  }
  const pairs = new Map<C, R>();
  for (let i = reports.length, j = calls.length; i > 0 || j > 0;) {
    const step = best[i]?.[j]?.step;
    if (step === 'pair') pairs.set(calls[--j] as C, reports[--i] as R);
    else if (step === 'skip-report') i--;
    else j--;
  }
  return pairs;
}
