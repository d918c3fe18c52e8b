/** Captures what a piece of code logs (console and the process streams) so a test can search it for secrets. */
export interface CapturedOutput {
  readonly lines: string[];
  restore(): void;
}

export function captureOutput(): CapturedOutput {
  const lines: string[] = [];
  const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
  const saved = methods.map((m) => console[m]);
  for (const m of methods) console[m] = (...args: unknown[]) => void lines.push(args.map(String).join(' '));
  const writes = [process.stdout, process.stderr].map((stream) => {
    const original = stream.write.bind(stream);
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      lines.push(String(chunk));
      return (original as (...a: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof stream.write;
    return () => void (stream.write = original);
  });
  return {
    lines,
    restore() {
      methods.forEach((m, i) => (console[m] = saved[i]!));
      for (const undo of writes) undo();
    },
  };
}
