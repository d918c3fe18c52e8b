/** The dialect suite on DuckDB (a file written by the test), through the DuckDB source. */
import { describeDialectSuite } from './helpers/dialect-suite';

describeDialectSuite('duckdb');
