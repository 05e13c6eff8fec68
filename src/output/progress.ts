/**
 * A spinner on stderr while calls run, only on a TTY and never in JSON mode; elsewhere plain
 * progress lines (or nothing) so that piped output stays clean.
 */
import type { Context } from '../context.js';

export interface Progress {
  update(text: string): void;
  /** A line that stays, e.g. one per finished topic. */
  line(text: string): void;
  stop(): void;
}

const silent: Progress = { update() {}, line() {}, stop() {} };

export async function startProgress(ctx: Context, text: string): Promise<Progress> {
  // A terminal that reports no width (a logged `script` session, some CI) would make the
  // spinner redraw endlessly; such a terminal gets the plain lines instead.
  const columns = (ctx.stderr as NodeJS.WriteStream).columns ?? 0;
  const tty = Boolean(ctx.stderr.isTTY) && columns > 0 && ctx.output === 'text';
  if (!tty) {
    if (ctx.output === 'json') return silent;
    return { update() {}, line: (t) => void ctx.stderr.write(`${t}\n`), stop() {} };
  }
  const { default: ora } = await import('ora');
  const spinner = ora({
    text,
    stream: ctx.stderr as NodeJS.WriteStream,
    color: ctx.color ? 'cyan' : false as never,
    isEnabled: true,
    // Keep stdin alone, so Ctrl-C reaches the process as SIGINT.
    discardStdin: false,
  }).start();
  return {
    update: (t) => void (spinner.text = t),
    line: (t) => {
      spinner.clear();
      ctx.stderr.write(`${t}\n`);
      spinner.render();
    },
    stop: () => void spinner.stop(),
  };
}
