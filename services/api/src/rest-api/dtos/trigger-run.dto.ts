/**
 * Bodies and answer of the trigger endpoints. Parsed by hand (parseBoolean) rather than by the validation
 * pipe, because the Airflow provider sends them form-encoded, where booleans are strings.
 */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class TriggerRunInput {
  @ApiPropertyOptional({ description: 'Send every current row again (ignores what was delivered before).' })
  fullResync?: boolean | string;
  @ApiPropertyOptional({
    description: 'Mark the current model result as delivered without sending anything.',
  })
  resetCDC?: boolean | string;
}

export class TriggerRunCustomInput extends TriggerRunInput {
  @ApiPropertyOptional({ description: 'The sync to run (or syncSlug).' }) syncId?: string;
  @ApiPropertyOptional({ description: 'The sync to run, by slug (its name in lowercase-dashes).' })
  syncSlug?: string;
}

export class TriggerRunOutput {
  @ApiProperty({
    description:
      'The id of the run this request started or joined: the running run, or the one run queued after it.',
  })
  id!: string;
}
