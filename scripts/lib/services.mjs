/**
 * Child processes of `npm start`: output relayed line by line with a `[name]` prefix, and a stop that
 * escalates from a polite signal to SIGKILL after a grace period.
 * Children get their own process group (detached) so a terminal Ctrl-C reaches only the launcher,
 * which then stops them in order; the launcher kills any survivor when it exits.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

const running = new Set();

/** Relays each line of `stream` to `out` with a prefix; `filter` drops lines nobody needs to see. */
export function relayLines(stream, prefix, out, filter = () => true) {
  createInterface({ input: stream }).on('line', (line) => {
    if (filter(line)) out.write(`${prefix} ${line}\n`);
  });
}

function exited(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
  });
}

/**
 * Stops a child: `signal`, then SIGKILL after `graceMs`. Resolves when it has exited.
 * @param {import('node:child_process').ChildProcess} child
 */
export async function stopChild(child, { signal = 'SIGTERM', graceMs = 10_000 } = {}) {
  const done = exited(child);
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await done;
  clearTimeout(timer);
}

/** Tracks a child started elsewhere (Temporal, Postgres) so it is killed if the launcher dies first. */
export function track(child) {
  running.add(child);
  child.once('exit', () => running.delete(child));
  return child;
}

/**
 * Starts `command args` with its stdout/stderr relayed under `[name]`.
 * @param {{ name: string, command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv }} opts
 */
export function startService({ name, command, args, cwd, env }) {
  const child = spawn(command, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  relayLines(child.stdout, `[${name}]`, process.stdout);
  relayLines(child.stderr, `[${name}]`, process.stderr);
  return track(child);
}

/** Last resort when the launcher exits with children still up (crash, second Ctrl-C). */
export function killAllTracked() {
  for (const child of running) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      child.kill('SIGKILL');
    }
  }
}
