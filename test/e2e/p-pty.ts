/**
 * Running the built binary in a pseudo-terminal of a chosen size, the way a person sees it:
 * through `script` from util-linux when it is installed, else through Python's `pty` module.
 * Both streams of the binary go to the terminal unless the command line redirects one.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { BIN } from './harness.js';

export interface PtyResult {
  status: number | null;
  /** Everything the terminal received, with `\r\n` turned back into `\n`. */
  screen: string;
}

export interface PtySize {
  columns: number;
  rows?: number;
}

/** Quotes for a POSIX shell. */
export function sh(arg: string): string {
  return /^[A-Za-z0-9_./:=,@%+-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

const SCRIPT = ['/usr/bin/script', '/bin/script'].find((p) => existsSync(p));

// Opens a terminal of the given size, runs the shell line in it and exits with its status.
const PYTHON_PTY = `
import fcntl, os, pty, struct, sys, termios
cols, rows, line = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
pid, fd = pty.fork()
if pid == 0:
    os.execvp('sh', ['sh', '-c', line])
fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack('HHHH', rows, cols, 0, 0))
out = sys.stdout.buffer
while True:
    try:
        chunk = os.read(fd, 65536)
    except OSError:
        break
    if not chunk:
        break
    out.write(chunk)
out.flush()
sys.exit(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
`;

/**
 * Runs `alikafka-offsets <args>` in a terminal of `size`; `redirect` is appended to the shell
 * line (e.g. `> out.txt` to send stdout to a file while stderr stays on the terminal).
 */
export function runInPty(
  args: string[],
  env: NodeJS.ProcessEnv,
  size: PtySize,
  redirect = '',
): Promise<PtyResult> {
  const rows = size.rows ?? 40;
  const command = [process.execPath, BIN, ...args].map(sh).join(' ');
  const [file, argv] = SCRIPT
    ? [SCRIPT, ['-qfec', `stty cols ${size.columns} rows ${rows}; exec ${command} ${redirect}`,
      '/dev/null']]
    : ['python3', ['-c', PYTHON_PTY, String(size.columns), String(rows),
      `exec ${command} ${redirect}`]];
  return new Promise((resolve, reject) => {
    const child = spawn(file, argv, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let screen = '';
    let errors = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (screen += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (errors += c));
    child.on('error', reject);
    child.on('close', (status) => {
      if (errors.trim() !== '') {
        reject(new Error(`the terminal wrapper ${file} failed: ${errors.trim()}`));
        return;
      }
      resolve({ status, screen: screen.replace(/\r\n/g, '\n') });
    });
  });
}

/** Escape codes that set colour or weight (SGR). */
// eslint-disable-next-line no-control-regex
export const SGR = /\u001b\[[0-9;]*m/;
/** Any escape sequence at all: colour, cursor movement, line clearing. */
// eslint-disable-next-line no-control-regex
export const ANY_ESCAPE = /\u001b\[/;
/** The frames of the spinner (ora's default "dots"). */
export const SPINNER_FRAME = /[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]/;

/** The text as a terminal would show it: escape sequences and spinner redraws removed. */
export function plain(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '').replace(/\r/g, '');
}
