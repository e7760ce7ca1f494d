/**
 * Timestamps good and bad, for comparing a hand-written reader with the one it stands in for: made of fields in and
 * out of range with varied separators and zones, or a valid one with a character changed, added or taken out.
 * Deterministic, so that a failure shows again.
 */

function generator(seed: number): (n: number) => number {
  let state = seed;
  return (n) => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state % n;
  };
}

const YEARS = ['0000', '0001', '0099', '0100', '0400', '1582', '1600', '1899', '1900', '1969', '1970', '1999', '2000'];
YEARS.push('2023', '2024', '2038', '2100', '2400', '9999', '-001', '+002', '20x4', '202');
const MONTHS = ['00', '01', '02', '03', '04', '06', '09', '10', '11', '12', '13', '1', 'a1'];
const DAYS = ['00', '01', '09', '15', '28', '29', '30', '31', '32', '3', '99'];
const HOURS = ['00', '01', '09', '12', '23', '24', '25', '1'];
const MINUTES = ['00', '01', '30', '59', '60', '5'];
const SECONDS = ['00', '01', '30', '59', '60', '61', '6'];
const FRACTIONS = [
  '',
  '',
  '.',
  '.0',
  '.1',
  '.12',
  '.123',
  '.1239',
  '.999',
  '.9999',
  '.999999999',
  '.000000000000000000001',
];
FRACTIONS.push('.123456789', '.1234567890', '.9999999999999999999', '.123456789012345', '.12a', ',123');
const ZONES = [
  'Z',
  'Z',
  'z',
  '',
  '+00:00',
  '-00:00',
  '+02:00',
  '-05:30',
  '+23:59',
  '-23:59',
  '+24:00',
  '+02:60',
  '+0200',
];
ZONES.push('+02', '-12:00', ' Z', 'Zx', 'GMT', ' +02:00', '+2:00', '+02:0', '+02:000', '+a2:00', 'Z\n', '+01:00:00');
const SEPARATORS = ['T', 'T', 'T', 't', ' ', '_', '\u00a0', 'TT'];
const DASHES = ['-', '-', '-', '/'];
const COLONS = [':', ':', ':', '.'];

export function generatedTimestamps(count: number, seed = 7): string[] {
  const pick = generator(seed);
  const one = <T>(list: readonly T[]): T => list[pick(list.length)] as T;
  return Array.from(
    { length: count },
    () =>
      one(YEARS) +
      one(DASHES) +
      one(MONTHS) +
      one(DASHES) +
      one(DAYS) +
      one(SEPARATORS) +
      one(HOURS) +
      one(COLONS) +
      one(MINUTES) +
      one(COLONS) +
      one(SECONDS) +
      one(FRACTIONS) +
      one(ZONES),
  );
}

export function mutatedTimestamps(count: number, seed = 11): string[] {
  const pick = generator(seed);
  const characters = '0123456789-:.TZtz+ /Ω';
  return Array.from({ length: count }, () => {
    const valid = new Date(pick(2 ** 31) * 1000 * (pick(2) ? 1 : -1)).toISOString();
    const base = pick(3) === 0 ? valid.replace('Z', pick(2) ? '+05:45' : '-11:00') : valid;
    const at = pick(base.length + 1);
    const character = characters[pick(characters.length)] ?? '';
    switch (pick(4)) {
      case 0:
        return base;
      case 1:
        return base.slice(0, at) + character + base.slice(at + 1);
      case 2:
        return base.slice(0, at) + character + base.slice(at);
      default:
        return base.slice(0, at) + base.slice(at + 1);
    }
  });
}

/** Timestamps at the edges: days past a month's end, 24:00, leap years and days, fields out of range, other shapes. */
export const EDGE_TIMESTAMPS = [
  '2024-05-01T10:00:00.000Z',
  '2024-05-01T10:00:00Z',
  '2024-05-01T10:00:00.1Z',
  '2024-05-01T10:00:00.1239Z',
  '2024-05-01T10:00:00.123+02:00',
  '2024-05-01T10:00:00-05:30',
  '1970-01-01T00:00:00.000Z',
  '1969-12-31T23:59:59.999Z',
  '2000-02-29T12:00:00Z',
  '2100-02-29T12:00:00Z',
  '2100-03-01T00:00:00Z',
  '0000-01-01T00:00:00Z',
  '9999-12-31T23:59:59.999Z',
  '2024-04-31T10:00:00Z',
  '2024-02-30T10:00:00Z',
  '2023-02-29T10:00:00Z',
  '2024-05-01T24:00:00Z',
  '2024-05-01T24:00:01Z',
  '2024-05-01T10:00:60Z',
  '2024-05-01T23:59:60Z',
  '2024-05-01T23:59:60.5Z',
  '2024-05-01T22:59:60-01:00',
  '2024-05-01T10:00:59.9999999999999999Z',
  '2024-05-01T10:60:00Z',
  '2024-05-01T10:00:00+24:00',
  '2024-05-01T10:00:00+0200',
  '2024-05-01T10:00:00+02',
  '2024-05-01T10:00:00.Z',
  '2024-05-01T10:00:00Zx',
  '2024-05-01t10:00:00z',
  '2024-05-01 10:00:00Z',
  '2024-05-01T10:00:00',
  '2024-05-01T10:00',
  '2024-05-01',
  '+002024-05-01T10:00:00Z',
  ' 2024-05-01T10:00:00Z',
  '2024-05-01T10:00:00Z ',
  '２０２４-05-01T10:00:00Z',
  'Wed, 01 May 2024 10:00:00 GMT',
  '',
  'not a date',
];
