package dev.berth.runner.store;

import dev.berth.runner.event.InvocationFinished;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/// Maps InvocationFinished to the `invocations` table, which exists so "last N" is an index scan.
final class InvocationRows {
    private InvocationRows() {}

    static void bind(PreparedStatement insert, String session, InvocationFinished e) throws SQLException {
        insert.setString(1, e.invocationId());
        insert.setString(2, session);
        insert.setLong(3, e.at().toEpochMilli());
        insert.setString(4, e.function());
        insert.setString(5, e.replicaId());
        insert.setInt(6, e.status());
        insert.setDouble(7, e.duration().toNanos() / 1e6);
        insert.setString(8, e.error());
        insert.setString(9, e.request());
        insert.setString(10, e.response());
    }

    static List<InvocationFinished> readAll(ResultSet rows) throws SQLException {
        var result = new ArrayList<InvocationFinished>();
        while (rows.next()) {
            result.add(new InvocationFinished(Instant.ofEpochMilli(rows.getLong("at_ms")), rows.getString("id"),
                    rows.getString("function"), rows.getString("replica"), rows.getInt("status"),
                    Duration.ofNanos(Math.round(rows.getDouble("duration_ms") * 1e6)), rows.getString("error"),
                    rows.getString("request"), rows.getString("response")));
        }
        return result;
    }
}
