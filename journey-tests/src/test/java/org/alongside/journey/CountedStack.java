package org.alongside.journey;

import java.sql.Connection;
import java.sql.SQLException;

/** A stack of a test's own ({@link FaultStack}, {@link ClusterStack}) whose databases the test counts rows in. */
interface CountedStack extends Stack {

    /** A direct connection to the service's database, for counting effects. */
    Connection db(Suite.Service service) throws SQLException;
}
