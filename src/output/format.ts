/** How numbers and times read in text output. JSON keeps plain numbers and ISO times. */

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export function count(n: number | null | undefined, none = 'none'): string {
  return n === null || n === undefined ? none : grouped.format(n);
}

/** A change in messages: +n skips forward, -n replays. */
export function signed(n: number | null | undefined): string {
  if (n === null || n === undefined) return '?';
  if (n === 0) return '0';
  return n > 0 ? `+${grouped.format(n)}` : `-${grouped.format(-n)}`;
}

export function isoUtc(ms: number): string {
  return new Date(ms).toISOString();
}

/** `2026-12-04 07:30:00Z (15:30 +08:00 local)`; local only when it differs from UTC. */
export function utcAndLocal(ms: number | null | undefined, env: NodeJS.ProcessEnv = {}): string {
  if (ms === null || ms === undefined) return 'never';
  const d = new Date(ms);
  const utc = d.toISOString().replace('T', ' ').replace(/\.\d{3}Z$/, 'Z');
  const offsetMin = -d.getTimezoneOffset();
  if (offsetMin === 0 || env.ALIKAFKA_OFFSETS_UTC_ONLY) return utc;
  const shifted = new Date(ms + offsetMin * 60_000).toISOString();
  // The local date is shown when it is not the UTC one, so 06:50 is never read as the wrong day.
  const local = shifted.slice(0, 10) === utc.slice(0, 10)
    ? shifted.slice(11, 16)
    : `${shifted.slice(0, 10)} ${shifted.slice(11, 16)}`;
  const sign = offsetMin >= 0 ? '+' : '-';
  const abs = Math.abs(offsetMin);
  const zone = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:` +
    String(abs % 60).padStart(2, '0');
  return `${utc} (${local} ${zone} local)`;
}

/** Shell-quotes an argument when it needs it, for commands printed for copy and paste. */
export function shellQuote(arg: string): string {
  return /^[A-Za-z0-9_./:=,@%+-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}
