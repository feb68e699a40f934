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
  // Offsets change only at the zone's transitions; the lines of a session fall in few minutes.
  const offsets = new Map<number, number>();
  const offsetAt = (ms: number): number => {
    const minute = Math.floor(ms / MINUTE);
    let offset = offsets.get(minute);
    if (offset === undefined) {
      const at = minute * MINUTE;
      const part: Record<string, number> = {};
      for (const p of format.formatToParts(at)) if (p.type !== 'literal') part[p.type] = Number(p.value);
      const wall = Date.UTC(part.year!, part.month! - 1, part.day!, part.hour!, part.minute!, part.second!);
      offset = wall - at;
      if (offsets.size > 100_000) offsets.clear();
      offsets.set(minute, offset);
    }
    return offset;
  };
  const wallClock = (ms: number) => new Date(ms + offsetAt(ms)).toISOString();
  return {
    zone,
    day: (ms) => wallClock(ms).slice(0, 10),
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
