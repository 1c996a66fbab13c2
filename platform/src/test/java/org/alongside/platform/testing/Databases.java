package org.alongside.platform.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Creates the per-service databases the tests use, on the machine's PostgreSQL. */
public final class Databases {

    public static final String HOST = System.getenv().getOrDefault("ALONGSIDE_DB_HOST", "127.0.0.1");
    public static final String USER = System.getenv().getOrDefault("ALONGSIDE_DB_USER", "postgres");

    private Databases() {
    }

    /**
     * Appended to every test database name, so two checkouts can run their tests at once on one PostgreSQL
     * without sharing (and cleaning) each other's databases.
     */
    public static String testName(String database) {
        return database + System.getenv().getOrDefault("ALONGSIDE_TEST_DB_SUFFIX", "");
    }

    public static String jdbcUrl(String database) {
        return "jdbc:postgresql://" + HOST + ":5432/" + database;
    }

    public static void ensureExists(String database) {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("Unexpected database name " + database);
        }
        try (Connection admin = DriverManager.getConnection(jdbcUrl("postgres"), USER, "");
             PreparedStatement exists = admin.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, database);
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
            try (Statement create = admin.createStatement()) {
                create.execute("CREATE DATABASE " + database);
            }
        } catch (SQLException e) {
            if (!"42P04".equals(e.getSQLState())) { // created concurrently by another test JVM
                throw new IllegalStateException("Could not create database " + database
                        + " on PostgreSQL at " + HOST + ":5432 as " + USER, e);
            }
        }
    }

    /** Drops and recreates a database: for suites that start services on a clean slate. */
    public static void recreate(String database) {
        try (Connection admin = DriverManager.getConnection(jdbcUrl("postgres"), USER, "");
             Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not recreate database " + database, e);
        }
    }
}
