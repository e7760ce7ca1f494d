/**
 * The `format`s a plan rule asserts, in every dialect. They answer as ajv-formats' "full" mode does,
 * which checks the June schemas: `format: "email"` gets one answer whichever validator reads it.
 * json-schema-library's own checks differ where it matters for tracking data: they pass "" for
 * date-time, date, time, email and uuid, and an email without a dot in its domain ("a@b").
 * The regular expressions and the leap-second rule are ajv-formats' (MIT); uri and uri-reference
 * are RFC 3986 by @hyperjump/uri.
 */
import { isUri, isUriReference } from '@hyperjump/uri';

export type FormatCheck = (value: string) => boolean;

const DATE = /^(\d\d\d\d)-(\d\d)-(\d\d)$/;
const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const TIME = /^(\d\d):(\d\d):(\d\d(?:\.\d+)?)(z|([+-])(\d\d)(?::?(\d\d))?)?$/i;
const DATE_TIME_SEPARATOR = /t|\s/i;
const EMAIL =
  /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;
const UUID = /^(?:urn:uuid:)?[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i;
const HOSTNAME =
  /^(?=.{1,253}\.?$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[-0-9a-z]{0,61}[0-9a-z])?)*\.?$/i;
const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = new RegExp(`^(?:${OCTET}\\.){3}${OCTET}$`);
const IPV6 = ipv6Pattern();

function isDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month >= 1 && month <= 12 && day >= 1 && day <= (month === 2 && leap ? 29 : (DAYS_IN_MONTH[month] ?? 0));
}

/** RFC 3339 full-time: the time zone is required; a leap second only where it is 23:59:60 in UTC. */
function isTime(value: string): boolean {
  const match = TIME.exec(value);
  if (!match?.[4]) return false;
  const [hour, minute, second] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const sign = match[5] === '-' ? -1 : 1;
  const [zoneHour, zoneMinute] = [Number(match[6] ?? 0), Number(match[7] ?? 0)];
  if (zoneHour > 23 || zoneMinute > 59) return false;
  if (hour <= 23 && minute <= 59 && second < 60) return true;
  const utcMinute = minute - zoneMinute * sign;
  const utcHour = hour - zoneHour * sign - (utcMinute < 0 ? 1 : 0);
  return (utcHour === 23 || utcHour === -1) && (utcMinute === 59 || utcMinute === -1) && second < 61;
}

function isDateTime(value: string): boolean {
  const parts = value.split(DATE_TIME_SEPARATOR);
  return parts.length === 2 && isDate(parts[0] ?? '') && isTime(parts[1] ?? '');
}

export const FORMAT_CHECKS: Readonly<Record<string, FormatCheck>> = {
  date: isDate,
  time: isTime,
  'date-time': isDateTime,
  email: (value) => EMAIL.test(value),
  uuid: (value) => UUID.test(value),
  uri: isUri,
  // "" is a valid relative reference (the document itself), as RFC 3986 and ajv-formats have it.
  'uri-reference': isUriReference,
  ipv4: (value) => IPV4.test(value),
  ipv6: (value) => IPV6.test(value),
  hostname: (value) => HOSTNAME.test(value),
};

/**
 * RFC 4291 text forms, with an embedded IPv4 address in the last 32 bits: ajv-formats' expression, built
 * from its parts.
 */
function ipv6Pattern(): RegExp {
  const h = '[0-9a-f]{1,4}';
  const v4 = `${OCTET}(?:\\.${OCTET}){3}`;
  const forms = [
    `(?:${h}:){7}(?:${h}|:)`,
    `(?:${h}:){6}(?::${h}|${v4}|:)`,
    `(?:${h}:){5}(?:(?::${h}){1,2}|:${v4}|:)`,
    `(?:${h}:){4}(?:(?::${h}){1,3}|(?::${h})?:${v4}|:)`,
    `(?:${h}:){3}(?:(?::${h}){1,4}|(?::${h}){0,2}:${v4}|:)`,
    `(?:${h}:){2}(?:(?::${h}){1,5}|(?::${h}){0,3}:${v4}|:)`,
    `(?:${h}:)(?:(?::${h}){1,6}|(?::${h}){0,4}:${v4}|:)`,
    `:(?:(?::${h}){1,7}|(?::${h}){0,5}:${v4}|:)`,
  ];
  return new RegExp(`^(?:${forms.join('|')})$`, 'i');
}
