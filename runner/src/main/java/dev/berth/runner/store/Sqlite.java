package dev.berth.runner.store;

import org.sqlite.SQLiteConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/// Opens connections to the project database (`.berth/berth.db`), which the event, blob, queue and timer
/// stores share: WAL and a 5 s busy timeout let them all write without failing on each other's locks.
/// Stateless; each connection it answers belongs to the caller.
public final class Sqlite {
    private Sqlite() {}

    /// Creates the folder `file` lives in, when missing.
    public static void createParent(Path file) throws SQLException {
        var parent = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new SQLException("cannot create " + parent + ": " + e.getMessage(), e);
        }
    }

    /// Creates `file`'s folder, then connects as `connect` does.
    public static Connection open(Path file, SQLiteConfig.SynchronousMode synchronous) throws SQLException {
        createParent(file);
        return connect(file, synchronous);
    }

    /// Connects to `file` (the database is created when missing) in WAL mode with `synchronous` and the
    /// busy timeout; a connection whose settings fail is closed before the error is thrown.
    public static Connection connect(Path file, SQLiteConfig.SynchronousMode synchronous) throws SQLException {
        var connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (var s = connection.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA synchronous=" + synchronous.getValue());
            s.execute("PRAGMA busy_timeout=5000");
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }
}
