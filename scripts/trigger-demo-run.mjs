/**
 * Starts the demo sync once through the API, as `npm start` does: used by docker compose's one-shot
 * `demo-run` service. Reads the demo API key written by the seed (DEMO_API_KEY_FILE) and calls GraphQL at
 * API_URL. Node built-ins only.
 */
/* global fetch */
import { readFileSync } from 'node:fs';

const apiUrl = process.env.API_URL ?? 'http://api:3000/graphql';
const apiKey = readFileSync(process.env.DEMO_API_KEY_FILE ?? '/var/lib/syncline/demo-api-key', 'utf8').trim();

async function graphql(query) {
  const res = await fetch(apiUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
    body: JSON.stringify({ query }),
  });
  const body = await res.json();
  if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
  return body.data;
}

const { syncs } = await graphql('{ syncs { id name } }');
const demo = syncs.find((s) => s.name === 'Customers → CRM') ?? syncs[0];
if (!demo) throw new Error('no demo sync found: did the migrate service seed the demo?');
const { runSync } = await graphql(`mutation { runSync(input: { syncId: "${demo.id}" }) { id status } }`);
console.log(`Started the demo sync run ${runSync.id} (sync ${demo.id}); watch it in the Temporal UI.`);
