/**
 * The check digits that tell a real card number or IBAN from any long number: a random 16-digit
 * order number passes Luhn one time in ten, and a known issuer prefix and length cut that further.
 */

/** Luhn (ISO/IEC 7812): the check every payment card number passes. `digits` holds digits only. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return sum % 10 === 0;
}

/** [lowest prefix, highest prefix, lengths]: the issuers' published ranges (IIN), the big networks only. */
const ISSUERS: readonly (readonly [number, number, readonly number[]])[] = [
  [4, 4, [13, 16, 19]], // Visa
  [51, 55, [16]], // Mastercard
  [2221, 2720, [16]], // Mastercard, 2-series
  [34, 34, [15]], // American Express
  [37, 37, [15]],
  [6011, 6011, [16, 17, 18, 19]], // Discover
  [644, 649, [16, 17, 18, 19]],
  [65, 65, [16, 17, 18, 19]],
  [3528, 3589, [16, 17, 18, 19]], // JCB
  [300, 305, [14, 15, 16, 17, 18, 19]], // Diners Club
  [36, 36, [14, 15, 16, 17, 18, 19]],
  [38, 39, [16, 17, 18, 19]],
  [62, 62, [16, 17, 18, 19]], // UnionPay
  [2200, 2204, [16, 17, 18, 19]], // Mir
  [5018, 5018, [13, 16, 19]], // Maestro
  [5020, 5020, [13, 16, 19]],
  [5038, 5038, [13, 16, 19]],
  [5893, 5893, [16, 19]],
  [6304, 6304, [16, 19]],
  [6759, 6759, [16, 19]],
  [6761, 6763, [16, 19]],
];

export function hasIssuerPrefix(digits: string): boolean {
  return ISSUERS.some(([low, high, lengths]) => {
    const prefix = Number(digits.slice(0, String(low).length));
    return prefix >= low && prefix <= high && lengths.includes(digits.length);
  });
}

/** Each country's IBAN length (SWIFT's IBAN registry): a checksum alone lets 1 random code in 97 through. */
const IBAN_LENGTHS: ReadonlyMap<string, number> = new Map(
  (
    'AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BG22 BH22 BR29 BY28 CH21 CR22 CY28 CZ24 DE22 DK18 DO28 EE20 EG29 ES24 FI18 ' +
    'FO18 FR27 GB22 GE22 GI23 GL18 GR27 GT28 HR21 HU28 IE22 IL23 IQ23 IS26 IT27 JO30 KW30 KZ20 LB28 LC32 LI21 LT20 ' +
    'LU20 LV21 MC27 MD24 ME22 MK19 MR27 MT31 MU30 NL18 NO15 PK24 PL28 PS29 PT25 QA29 RO24 RS22 SA24 SC31 SE24 SI19 ' +
    'SK24 SM27 ST25 SV28 TL23 TN24 TR26 UA29 VA22 VG24 XK20'
  )
    .split(' ')
    .map((entry) => [entry.slice(0, 2), Number(entry.slice(2))]),
);

/** An IBAN without spaces, upper case: its country's length, and ISO 13616's mod-97 check. */
export function isValidIban(iban: string): boolean {
  if (IBAN_LENGTHS.get(iban.slice(0, 2)) !== iban.length) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (let i = 0; i < rearranged.length; i++) {
    const code = rearranged.charCodeAt(i);
    // A letter counts as two digits (A = 10 … Z = 35).
    remainder = code >= 65 ? (remainder * 100 + code - 55) % 97 : (remainder * 10 + code - 48) % 97;
  }
  return remainder === 1;
}
