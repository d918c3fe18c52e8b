/**
 * The search attributes every sync run carries, so operators can find a sync's runs in the Temporal UI.
 * Names come from libs/contracts so the worker and the API agree on them.
 */
import { SEARCH_ATTRIBUTES } from '@syncline/contracts';
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

export const SyncIdKey = defineSearchAttributeKey('SyncId', SearchAttributeType.KEYWORD);
export const SourceTypeKey = defineSearchAttributeKey('SourceType', SearchAttributeType.KEYWORD);
export const DestinationTypeKey = defineSearchAttributeKey('DestinationType', SearchAttributeType.KEYWORD);

export const SEARCH_ATTRIBUTE_NAMES = Object.keys(SEARCH_ATTRIBUTES) as (keyof typeof SEARCH_ATTRIBUTES)[];
