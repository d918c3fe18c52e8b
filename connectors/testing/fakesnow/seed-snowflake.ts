/** Runs setup statements on the (fake) Snowflake through the driver, outside the source's read path. */
import { closeSnowflake, connectSnowflake } from '../../sources/snowflake/connect';
import type { SnowflakeSourceConfig } from '../../sources/snowflake/snowflake-source.config';

export async function seedSnowflake(config: SnowflakeSourceConfig, statements: string[]): Promise<void> {
  const connection = await connectSnowflake(config);
  try {
    for (const sqlText of statements) {
      await new Promise<void>((resolve, reject) => {
        connection.execute({ sqlText, complete: (err) => (err ? reject(err) : resolve()) });
      });
    }
  } finally {
    await closeSnowflake(connection);
  }
}
