/**
 * What `npm start` prints once the demo is up: where to look and how to call the API.
 * Pure functions (no I/O) so they are unit-tested in scripts/__tests__/.
 */

/** The Temporal UI's workflow list filtered to one sync's runs (search attribute SyncId). */
function temporalUiWorkflowsUrl(uiUrl, namespace, syncId) {
  const query = encodeURIComponent(`SyncId="${syncId}"`);
  return `${uiUrl}/namespaces/${encodeURIComponent(namespace)}/workflows?query=${query}`;
}

/** A ready-to-paste curl call of the GraphQL API (single-quoted for POSIX shells). */
function curlExample(graphqlUrl, apiKey, query) {
  const body = JSON.stringify({ query }).replace(/'/g, `'\\''`);
  return [
    `curl -s ${graphqlUrl} \\`,
    `  -H 'Authorization: Bearer ${apiKey}' \\`,
    `  -H 'Content-Type: application/json' \\`,
    `  -d '${body}'`,
  ].join('\n');
}

/**
 * @param {{ graphqlUrl: string, temporalUiUrl?: string, namespace: string, syncId: string, apiKey: string,
 *           runId?: string }} info
 */
function buildBanner(info) {
  const { graphqlUrl, temporalUiUrl, namespace, syncId, apiKey, runId } = info;
  const rule = '─'.repeat(78);
  const lines = [
    rule,
    'Syncline is running.',
    '',
    `  GraphQL API     ${graphqlUrl}`,
    temporalUiUrl
      ? `  Temporal UI     ${temporalUiUrl}`
      : '  Temporal UI     (external Temporal: set TEMPORAL_UI_URL to show links here)',
  ];
  if (temporalUiUrl) {
    lines.push(`  Demo sync runs  ${temporalUiWorkflowsUrl(temporalUiUrl, namespace, syncId)}`);
  }
  lines.push(
    `  Demo API key    ${apiKey}`,
    `  Demo sync id    ${syncId}${runId ? `   (first run ${runId} started)` : ''}`,
    '',
    'Run the demo sync again:',
    '',
    curlExample(graphqlUrl, apiKey, `mutation { runSync(input: { syncId: "${syncId}" }) { id status } }`),
    '',
    'Ctrl-C to stop.',
    rule,
  );
  return lines.join('\n');
}

module.exports = { temporalUiWorkflowsUrl, curlExample, buildBanner };
