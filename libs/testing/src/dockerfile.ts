/**
 * Reads a Dockerfile's instructions, so tests can check an image without a Docker engine: that every
 * COPY source exists and that the CMD they start is the one the image runs.
 */
import { readFileSync } from 'node:fs';

export interface DockerInstruction {
  /** Upper-case keyword: FROM, COPY, RUN, CMD, … */
  keyword: string;
  /** The rest of the instruction, continuation lines joined. */
  args: string;
  line: number;
}

export function readDockerfile(path: string): DockerInstruction[] {
  const instructions: DockerInstruction[] = [];
  let pending: { text: string; line: number } | undefined;
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((raw, index) => {
      const text = raw.trim();
      if (!pending && (text === '' || text.startsWith('#'))) return;
      if (pending && text.startsWith('#')) return;
      const current = pending
        ? { text: `${pending.text} ${text}`, line: pending.line }
        : { text, line: index + 1 };
      if (current.text.endsWith('\\')) {
        pending = { text: current.text.slice(0, -1).trimEnd(), line: current.line };
        return;
      }
      pending = undefined;
      const match = /^(\S+)\s*(.*)$/.exec(current.text);
      if (match?.[1])
        instructions.push({ keyword: match[1].toUpperCase(), args: match[2] ?? '', line: current.line });
    });
  return instructions;
}

/** The exec-form CMD of the last stage (a JSON array), as argv. */
export function dockerCmd(path: string): string[] {
  const cmd = readDockerfile(path)
    .filter((i) => i.keyword === 'CMD')
    .pop();
  if (!cmd) throw new Error(`${path} has no CMD`);
  const argv: unknown = JSON.parse(cmd.args);
  if (!Array.isArray(argv) || !argv.every((a) => typeof a === 'string'))
    throw new Error(`${path}: CMD must be exec form (a JSON array of strings) so node is PID 1`);
  return argv as string[];
}
