/** Public surface of the Snowflake source. */
export { snowflakeSource } from './snowflake-source';
export { snowflakeSourceSpec, type SnowflakeSourceConfig } from './snowflake-source.config';
