/**
 * `completion bash|zsh|fish`: a completion script built from the registered commands and their
 * options, so it never drifts from the real command line.
 */
import type { Command } from 'commander';
import { UsageError } from '../errors.js';

interface Spec {
  name: string;
  /** `config show`, `sandbox fault`...: offered after the command like its options. */
  subcommands: string[];
  options: string[];
}

function specsOf(program: Command): { globals: string[]; commands: Spec[] } {
  const longs = (cmd: Command) =>
    cmd.options.map((o) => o.long).filter((l): l is string => Boolean(l));
  return {
    globals: [...longs(program), '--help'],
    commands: program.commands.map((c) => ({
      name: c.name(),
      subcommands: c.commands.map((sub) => sub.name()),
      options: [...longs(c), '--help'],
    })),
  };
}

function bash(prog: string, s: ReturnType<typeof specsOf>): string {
  const cases = s.commands
    .map((c) => `    ${c.name}) opts="${[...c.subcommands, ...c.options].join(' ')}" ;;`)
    .join('\n');
  const fn = `_${prog.replace(/-/g, '_')}`;
  const names = s.commands.map((c) => c.name).join(' ');
  return `# bash completion for ${prog}; load with: source <(${prog} completion bash)
${fn}() {
  local cur cmd opts
  cur="\${COMP_WORDS[COMP_CWORD]}"
  cmd="\${COMP_WORDS[1]}"
  if [ "$COMP_CWORD" -eq 1 ]; then
    COMPREPLY=($(compgen -W "${names} ${s.globals.join(' ')}" -- "$cur"))
    return
  fi
  case "$cmd" in
${cases}
    *) opts="${s.globals.join(' ')}" ;;
  esac
  COMPREPLY=($(compgen -W "$opts ${s.globals.join(' ')}" -- "$cur"))
}
complete -o default -F ${fn} ${prog}
`;
}

function zsh(prog: string, s: ReturnType<typeof specsOf>): string {
  const cases = s.commands
    .map((c) => `    ${c.name}) compadd -- ${[...c.subcommands, ...c.options].join(' ')} ` +
      `${s.globals.join(' ')} ;;`)
    .join('\n');
  return `#compdef ${prog}
# zsh completion for ${prog}; load with: source <(${prog} completion zsh)
_${prog.replace(/-/g, '_')}() {
  if (( CURRENT == 2 )); then
    compadd -- ${s.commands.map((c) => c.name).join(' ')} ${s.globals.join(' ')}
    return
  fi
  case "$words[2]" in
${cases}
  esac
  _files
}
compdef _${prog.replace(/-/g, '_')} ${prog}
`;
}

function fish(prog: string, s: ReturnType<typeof specsOf>): string {
  const lines = [`# fish completion for ${prog}; load with: ${prog} completion fish | source`];
  const names = s.commands.map((c) => c.name).join(' ');
  lines.push(`complete -c ${prog} -f -n "not __fish_seen_subcommand_from ${names}" -a "${names}"`);
  for (const c of s.commands) {
    if (c.subcommands.length > 0) {
      lines.push(`complete -c ${prog} -f -n "__fish_seen_subcommand_from ${c.name}" ` +
        `-a "${c.subcommands.join(' ')}"`);
    }
    for (const o of c.options) {
      lines.push(`complete -c ${prog} -n "__fish_seen_subcommand_from ${c.name}" -l ${o.slice(2)}`);
    }
  }
  for (const o of s.globals) lines.push(`complete -c ${prog} -l ${o.slice(2)}`);
  return `${lines.join('\n')}\n`;
}

export function completionScript(program: Command, shell: string): string {
  const specs = specsOf(program);
  const prog = program.name();
  if (shell === 'bash') return bash(prog, specs);
  if (shell === 'zsh') return zsh(prog, specs);
  if (shell === 'fish') return fish(prog, specs);
  throw new UsageError('UNKNOWN_SHELL', `completion is available for bash, zsh and fish, ` +
    `not "${shell}"`);
}
