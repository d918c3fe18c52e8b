/** The dialect suite on MariaDB (a fresh database on the test server), through the MySQL source. */
import { describeDialectSuite } from './helpers/dialect-suite';

describeDialectSuite('mysql');
