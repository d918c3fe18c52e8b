/** The dialect suite on fakesnow (Snowflake SQL on DuckDB), through the Snowflake source and its driver. */
import { describeDialectSuite } from './helpers/dialect-suite';

describeDialectSuite('snowflake');
