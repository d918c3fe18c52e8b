/** Makes a switch over a union exhaustive at compile time: a new member fails the build here. */
export function assertUnreachable(value: never): never {
  throw new Error(`Unhandled value: ${String(value)}`);
}
