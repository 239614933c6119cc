package dev.berth.runner.blob;

import dev.berth.runner.store.Sqlite;
import org.sqlite.SQLiteConfig;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/// Opens the project database for the blob tables and creates them. Additive changes only, so an
/// older `.berth/berth.db` keeps working. Stateless.
final class BlobDb {
    private BlobDb() {}

    static Connection connect(Path file) throws SQLException {
        // NORMAL in WAL mode, as the queue store: a commit survives a killed Berth. The contents file is
        // still fsynced before its row commits, so a row never points at a half-written file.
        var connection = Sqlite.open(file, SQLiteConfig.SynchronousMode.NORMAL);
        try (var s = connection.createStatement()) {
            s.execute("""
                    CREATE TABLE IF NOT EXISTS blob_containers(
                      name TEXT PRIMARY KEY, created_ms INTEGER NOT NULL)""");
            s.execute("""
                    CREATE TABLE IF NOT EXISTS blob_blobs(
                      container TEXT NOT NULL, name TEXT NOT NULL, file TEXT NOT NULL, content_type TEXT NOT NULL,
                      length INTEGER NOT NULL, etag TEXT NOT NULL, modified_ms INTEGER NOT NULL,
                      metadata TEXT NOT NULL, md5 TEXT NOT NULL, PRIMARY KEY(container, name))""");
            s.execute("""
                    CREATE TABLE IF NOT EXISTS blob_receipts(
                      function TEXT NOT NULL, container TEXT NOT NULL, name TEXT NOT NULL, etag TEXT NOT NULL,
                      state TEXT NOT NULL, attempts INTEGER NOT NULL, last_error TEXT NOT NULL,
                      updated_ms INTEGER NOT NULL, PRIMARY KEY(function, container, name, etag))""");
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }
}
