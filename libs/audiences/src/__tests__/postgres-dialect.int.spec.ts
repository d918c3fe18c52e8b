/** The dialect suite on Postgres (a fresh database on the test server), through the Postgres source. */
import { describeDialectSuite } from './helpers/dialect-suite';

describeDialectSuite('postgres');
