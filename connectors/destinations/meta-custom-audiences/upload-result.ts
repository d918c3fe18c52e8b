/**
 * What a 2xx answer to a users upload means for the batch. Meta reports invalid rows only as a count and a
 * few samples, never which row: Syncline validates and hashes every row before sending, so an invalid
 * count means something it did not foresee, and the whole request is refused; the caller then splits the
 * batch (re-adding and re-removing members is harmless) until each refused row stands alone.
 */
export interface UploadResponse {
  audience_id?: string;
  session_id?: string | number;
  num_received: number;
  num_invalid_entries: number;
  invalid_entry_samples?: Record<string, unknown>;
}

export type UploadVerdict = { ok: true } | { ok: false; reason: string };

const MAX_SAMPLES = 3;

export function uploadVerdict(json: unknown, sent: number): UploadVerdict {
  const body = json as Partial<UploadResponse> | undefined;
  if (typeof body?.num_received !== 'number' || typeof body.num_invalid_entries !== 'number')
    return { ok: false, reason: 'Meta answered the upload without num_received / num_invalid_entries' };
  if (body.num_invalid_entries > 0) {
    // Samples are keyed by the (hashed) value sent; only Meta's explanations are shown.
    const why = Object.values(body.invalid_entry_samples ?? {})
      .slice(0, MAX_SAMPLES)
      .map(String)
      .join('; ');
    return {
      ok: false,
      reason: `Meta counted ${body.num_invalid_entries} of ${body.num_received} rows invalid${why ? `: ${why}` : ''}`,
    };
  }
  if (body.num_received !== sent)
    return { ok: false, reason: `Meta received ${body.num_received} of the ${sent} rows sent` };
  return { ok: true };
}
