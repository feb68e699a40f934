/**
 * Calendar days and wall-clock times in an IANA time zone, through `Intl` only: the zone
 * database knows every offset (half-hour, 45-minute, summer time), no arithmetic by hand.
 */

/**
 * An IANA name (`Area/Location`, or `UTC`) that `Intl` knows. `Intl` alone would also take
 * abbreviations that are not IANA names and mean different zones in different places (`IST`).
 */
const IANA_NAME = /^(?:[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)+|UTC)$/;

export function isTimeZone(name: string): boolean {
  if (!IANA_NAME.test(name)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** The machine's own zone, as the operating system reports it to `Intl`. */
export function machineTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

export interface ZoneClock {
  readonly zone: string;
  /** The calendar day (`YYYY-MM-DD`) of an instant. */
  day(ms: number): string;
  /** The wall-clock time of an instant with its offset: `2026-03-02T09:12:00+05:30`. */
  localTime(ms: number): string;
  /** The first instant of a calendar day. */
  startOfDay(date: string): number;
}

export function zoneClock(zone: string): ZoneClock {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  const exactOffset = (at: number): number => {
    const part: Record<string, number> = {};
    for (const p of format.formatToParts(at)) if (p.type !== 'literal') part[p.type] = Number(p.value);
    const wall = Date.UTC(part.year!, part.month! - 1, part.day!, part.hour!, part.minute!, part.second!);
    return wall - (at - (((at % 1000) + 1000) % 1000));
  };
  // A zone's offset changes a few times a year at most, never twice within an hour: when an
  // hour starts and ends with the same offset, every moment of it has that offset.
  const hours = new Map<number, number | null>();
  const offsetAt = (ms: number): number => {
    const hour = Math.floor(ms / HOUR);
    let offset = hours.get(hour);
    if (offset === undefined) {
      const start = exactOffset(hour * HOUR);
      offset = start === exactOffset((hour + 1) * HOUR - 1000) ? start : null;
      if (hours.size > 100_000) hours.clear();
      hours.set(hour, offset);
    }
    return offset ?? exactOffset(ms);
  };
  const days = new Map<number, string>();
  const day = (ms: number): string => {
    const index = Math.floor((ms + offsetAt(ms)) / DAY);
    let date = days.get(index);
    if (date === undefined) {
      date = new Date(index * DAY).toISOString().slice(0, 10);
      days.set(index, date);
    }
    return date;
  };
  const wallClock = (ms: number) => new Date(ms + offsetAt(ms)).toISOString();
  return {
    zone,
    day,
    localTime: (ms) => `${wallClock(ms).slice(0, 19)}${formatOffset(offsetAt(ms))}`,
    startOfDay: (date) => {
      const midnight = Date.parse(`${date}T00:00:00Z`);
      const guess = midnight - offsetAt(midnight);
      return midnight - offsetAt(guess);
    },
  };
}

function formatOffset(offsetMs: number): string {
  const minutes = Math.round(Math.abs(offsetMs) / MINUTE);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${offsetMs < 0 ? '-' : '+'}${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}
