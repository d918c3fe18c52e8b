/**
 * Applies a config patch to the stored config, so an update need not resend secrets:
 * a key in the patch replaces the stored one, `null` removes it, absent keys are kept.
 */
export function mergeConfigPatch(
  stored: Record<string, unknown>,
  patch: Record<string, unknown>,
): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...stored };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete merged[key];
    else merged[key] = value;
  }
  return merged;
}
