package dev.tributary.io.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Real connections that fail once, in a chosen way, the way a network or a server restart makes them
 * fail: the real connection is closed (so the database rolls back what it had not committed) and the
 * caller gets a connection-class SQLSTATE. Counts live in static maps, keyed by an id, because the
 * factory is serialized into the pipeline and its copies must share them.
 */
final class FlakyConnections implements JdbcConnectionFactory {
  private static final long serialVersionUID = 1L;
  private static final Map<String, AtomicInteger> FAULTS_LEFT = new ConcurrentHashMap<>();
  private static final Map<String, AtomicInteger> OPENED = new ConcurrentHashMap<>();
  private static final Map<String, AtomicInteger> BATCHES = new ConcurrentHashMap<>();

  enum Fault {
    /** The commit never reaches the database: the transaction is rolled back. */
    COMMIT_LOST,
    /** The commit succeeds, but the reply is lost: the writer cannot tell it succeeded. */
    COMMIT_REPLY_LOST,
    /** The connection dies at the {@code at}-th executeBatch, with earlier batches sent, uncommitted. */
    DIES_MID_BATCH,
    /** Every attempt to connect is refused. */
    REFUSED
  }

  private final JdbcConnectionFactory real;
  private final Fault fault;
  private final int at;
  private final String id;

  private FlakyConnections(JdbcConnectionFactory real, Fault fault, int at, String id) {
    this.real = real;
    this.fault = fault;
    this.at = at;
    this.id = id;
  }

  static FlakyConnections failingOnce(JdbcConnectionFactory real, Fault fault, int at, String id) {
    FAULTS_LEFT.put(id, new AtomicInteger(fault == Fault.REFUSED ? Integer.MAX_VALUE : 1));
    OPENED.put(id, new AtomicInteger());
    BATCHES.put(id, new AtomicInteger());
    return new FlakyConnections(real, fault, at, id);
  }

  /** How many connections were asked for, refused ones included. */
  static int opened(String id) {
    return OPENED.get(id).get();
  }

  /** Whether the fault happened. */
  static boolean struck(String id) {
    return FAULTS_LEFT.get(id).get() == 0;
  }

  @Override
  public Connection open() throws SQLException {
    OPENED.get(id).incrementAndGet();
    if (fault == Fault.REFUSED) {
      throw new SQLNonTransientConnectionException("simulated: connection refused", "08001");
    }
    Connection connection = real.open();
    return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
        new ConnectionHandler(connection));
  }

  private boolean takeFault() {
    return FAULTS_LEFT.get(id).getAndUpdate(n -> Math.max(0, n - 1)) > 0;
  }

  private static SQLException lost(Connection connection, String what) {
    try {
      connection.close();
    } catch (SQLException ignored) {
      // Already broken is fine: the point is that it is gone.
    }
    return new SQLTransientConnectionException("simulated: " + what, "08006");
  }

  private final class ConnectionHandler implements InvocationHandler {
    private final Connection connection;

    ConnectionHandler(Connection connection) {
      this.connection = connection;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      if (method.getName().equals("commit")) {
        if (fault == Fault.COMMIT_LOST && takeFault()) {
          connection.rollback();
          throw lost(connection, "connection lost before the commit reached the database");
        }
        if (fault == Fault.COMMIT_REPLY_LOST && takeFault()) {
          connection.commit();
          throw lost(connection, "connection lost after the commit, before its reply");
        }
      }
      Object result = call(connection, method, args);
      if (method.getName().equals("prepareStatement") && fault == Fault.DIES_MID_BATCH) {
        return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {PreparedStatement.class},
            new StatementHandler(connection, (PreparedStatement) result));
      }
      return result;
    }
  }

  private final class StatementHandler implements InvocationHandler {
    private final Connection connection;
    private final PreparedStatement statement;

    StatementHandler(Connection connection, PreparedStatement statement) {
      this.connection = connection;
      this.statement = statement;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      if (method.getName().equals("executeBatch") && BATCHES.get(id).incrementAndGet() == at && takeFault()) {
        throw lost(connection, "connection reset in the middle of a batch");
      }
      return call(statement, method, args);
    }
  }

  private static Object call(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
