/**
 * Pure calendar arithmetic on TIMEX3-style values, in UTC so that results never depend on the
 * machine's time zone. No clock is read here: every "now" is an anchor passed in.
 */

export interface Day {
  year: number;
  month: number;
  day: number;
}

/** Which way an underspecified date looks from its anchor: back, forward, or to the nearest one. */
export type Direction = "past" | "future" | "nearest";

const DAY_MS = 86_400_000;
/** A yearless day such as "XXXX-02-29" recurs at least once in this many years. */
const MAX_YEARS_TO_RECUR = 8;

/** The day of an anchor such as "2017-11-10" or "2017-11-10T09:52"; undefined for coarser values. */
export function parseDay(value: string): Day | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!m) return undefined;
  const day = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  return isValidDay(day) ? day : undefined;
}

export function isValidDay(d: Day): boolean {
  const date = new Date(Date.UTC(d.year, d.month - 1, d.day));
  return (
    date.getUTCFullYear() === d.year && date.getUTCMonth() === d.month - 1 && date.getUTCDate() === d.day
  );
}

export function toUtc(d: Day): Date {
  return new Date(Date.UTC(d.year, d.month - 1, d.day));
}

export function fromUtc(date: Date): Day {
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

export function addDays(d: Day, days: number): Day {
  return fromUtc(new Date(toUtc(d).getTime() + days * DAY_MS));
}

/** Adds months, clamping the day to the target month's length ("Mar 31" - 1 month = "Feb 28"). */
export function addMonths(d: Day, months: number): Day {
  const index = d.year * 12 + (d.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { year, month, day: Math.min(d.day, last) };
}

export function compareDays(a: Day, b: Day): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** ISO weekday, Monday = 1 ... Sunday = 7. */
export function isoWeekday(d: Day): number {
  return ((toUtc(d).getUTCDay() + 6) % 7) + 1;
}

/** ISO 8601 week-numbering year and week: 2017-11-10 -> { year: 2017, week: 45 }. */
export function isoWeek(d: Day): { year: number; week: number } {
  const thursday = addDays(d, 4 - isoWeekday(d));
  const jan1 = toUtc({ year: thursday.year, month: 1, day: 1 });
  const week = Math.floor((toUtc(thursday).getTime() - jan1.getTime()) / DAY_MS / 7) + 1;
  return { year: thursday.year, week };
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

export function formatDay(d: Day): string {
  return `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;
}

export function formatMonth(year: number, month: number): string {
  return `${pad(year, 4)}-${pad(month)}`;
}

export function formatWeek(d: Day): string {
  const { year, week } = isoWeek(d);
  return `${pad(year, 4)}-W${pad(week)}`;
}

/**
 * Fills the unknown year of a TIMEX3 value from an anchor date, looking back: the latest
 * matching date on or before the anchor ("XXXX-11-08" against "2017-11-10" -> "2017-11-08",
 * against "2017-11-05" -> "2016-11-08"). `direction: "future"` takes the earliest on or after.
 * `direction: "nearest"` takes the closest one either side (a tie goes to the past).
 * "XXXX-WXX-7" (a weekday) becomes the matching day, "XXXX-XX-XXT03:17" (a clock time) takes the
 * anchor's day. Values without unknown parts, and anchors that are not a day, are returned as is.
 */
export function resolveAgainst(value: string, anchor: string, direction: Direction = "past"): string {
  const day = parseDay(anchor) ?? endOfCoarseAnchor(anchor);
  if (day === undefined || !value.includes("X")) return value;
  const [datePart = "", timePart] = value.split("T");
  const resolved = resolveDatePart(datePart, day, direction);
  if (resolved === undefined) return value;
  return timePart === undefined ? resolved : `${resolved}T${timePart}`;
}

function resolveDatePart(date: string, anchor: Day, direction: Direction): string | undefined {
  if (direction === "nearest") return nearestDatePart(date, anchor);
  const step = direction === "past" ? -1 : 1;
  const monthDay = /^XXXX-(\d{2})-(\d{2})$/.exec(date);
  if (monthDay) {
    const month = Number(monthDay[1]);
    const dayOfMonth = Number(monthDay[2]);
    for (let k = 0; k <= MAX_YEARS_TO_RECUR; k++) {
      const candidate = { year: anchor.year + step * k, month, day: dayOfMonth };
      if (isValidDay(candidate) && onTheRightSide(candidate, anchor, direction)) return formatDay(candidate);
    }
    return undefined;
  }
  const month = /^XXXX-(\d{2})$/.exec(date);
  if (month) {
    const m = Number(month[1]);
    const sameYearFits = direction === "past" ? m <= anchor.month : m >= anchor.month;
    return formatMonth(sameYearFits ? anchor.year : anchor.year + step, m);
  }
  const weekday = /^XXXX-WXX-([1-7])$/.exec(date);
  if (weekday) {
    const shift = (Number(weekday[1]) - isoWeekday(anchor) + 7) % 7;
    const days = direction === "past" ? (shift === 0 ? 0 : shift - 7) : shift;
    return formatDay(addDays(anchor, days));
  }
  if (date === "XXXX-XX-XX") return formatDay(anchor);
  return undefined;
}

/**
 * The closer of the past and the future reading; on a tie the past one (news report more than they
 * announce). No weight: a clause without tense gives no reason to prefer either side.
 */
function nearestDatePart(date: string, anchor: Day): string | undefined {
  const past = resolveDatePart(date, anchor, "past");
  const future = resolveDatePart(date, anchor, "future");
  if (past === undefined || future === undefined) return past ?? future;
  return distanceInDays(future, anchor) < distanceInDays(past, anchor) ? future : past;
}

/** Days between an anchor and a resolved value, counted from the value's first day. */
function distanceInDays(value: string, anchor: Day): number {
  const [year = "0", month = "01", day = "01"] = value.split("-");
  const first = { year: Number(year), month: Number(month), day: Number(day) };
  return Math.abs(toUtc(first).getTime() - toUtc(anchor).getTime()) / DAY_MS;
}

function onTheRightSide(candidate: Day, anchor: Day, direction: Direction): boolean {
  const order = compareDays(candidate, anchor);
  return direction === "past" ? order <= 0 : order >= 0;
}

/** "2017" or "2017-11" as an anchor: the last day of that period, so nothing in it is "after". */
function endOfCoarseAnchor(anchor: string): Day | undefined {
  const m = /^(\d{4})(?:-(\d{2}))?$/.exec(anchor);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = m[2] === undefined ? 12 : Number(m[2]);
  if (month < 1 || month > 12) return undefined;
  return { year, month, day: new Date(Date.UTC(year, month, 0)).getUTCDate() };
}

/** The part of its year a day falls in: quarter 1-4 for `count` 4, half 1-2 for `count` 2. */
export function partOfYear(d: Day, count: number): number {
  return Math.floor(((d.month - 1) * count) / 12) + 1;
}

/**
 * The year of the `part`-th of `count` parts of a year (a quarter, a half) named without a year:
 * the latest one begun by the anchor ("past"), the earliest one not yet over ("future"), or the
 * nearer of the two.
 */
export function yearOfPart(part: number, count: number, anchor: Day, direction: Direction): number {
  const current = partOfYear(anchor, count);
  const past = part <= current ? anchor.year : anchor.year - 1;
  const future = part >= current ? anchor.year : anchor.year + 1;
  if (direction === "past") return past;
  if (direction === "future") return future;
  const index = (year: number) => year * count + part;
  const now = index(anchor.year) - part + current;
  return index(future) - now < now - index(past) ? future : past;
}
