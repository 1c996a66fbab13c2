package org.alongside.platform.audit;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.UriInfo;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

/**
 * What the audit trail records of one call: who, with which roles, what operation on which records, about whom,
 * from where. {@link AuditFilter} writes it after the answer; {@link AuditTrail#recordAnswer} inside the change's
 * own transaction.
 */
record Call(String actor, String roles, String action, String operation, List<String> recordIds, UUID referralId,
        String client) {

    static Call of(SecurityIdentity identity, String method, ResourceInfo resource, UriInfo uri,
            HttpServerRequest http) {
        List<String> ids = new ArrayList<>();
        uri.getPathParameters().forEach((name, values) -> ids.addAll(values));
        String referralId = referralId(uri);
        String action = switch (method) {
            case "GET", "HEAD" -> "READ";
            case "DELETE" -> "DELETE";
            default -> "CHANGE";
        };
        return new Call(identity.getPrincipal().getName(), String.join(",", new TreeSet<>(identity.getRoles())),
                action, method + " " + resource.getResourceClass().getSimpleName() + "."
                        + resource.getResourceMethod().getName(),
                List.copyOf(ids), referralId == null ? null : UUID.fromString(referralId),
                http.remoteAddress() == null ? null : http.remoteAddress().hostAddress());
    }

    /** The same call, about the referral it created or changed (which its path may name already). */
    Call about(UUID referral) {
        List<String> ids = new ArrayList<>(recordIds);
        if (!ids.contains(referral.toString())) {
            ids.add(referral.toString());
        }
        return new Call(actor, roles, action, operation, List.copyOf(ids), referral, client);
    }

    boolean isRead() {
        return action.equals("READ");
    }

    void insert(Connection connection, int status) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO audit_event (actor, roles, action, operation, record_ids, referral_id, status, client)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setString(1, actor);
            insert.setString(2, roles);
            insert.setString(3, action);
            insert.setString(4, operation);
            insert.setArray(5, connection.createArrayOf("text", recordIds.toArray()));
            insert.setObject(6, referralId);
            insert.setInt(7, status);
            insert.setString(8, client);
            insert.executeUpdate();
        }
    }

    /** The record as a log line, for when the trail cannot be written and a change has already been made. */
    String describe(int status) {
        return "actor=%s roles=%s action=%s operation=%s records=%s referral=%s status=%d client=%s".formatted(
                actor, roles, action, operation, recordIds, referralId, status, client);
    }

    /** The person a call is about, by the pseudonymous referral id, when the call names one. */
    private static String referralId(UriInfo uri) {
        for (String name : List.of("referralId", "id")) {
            String value = uri.getPathParameters().getFirst(name);
            if (value == null) {
                value = uri.getQueryParameters().getFirst(name);
            }
            if (value != null && value.matches("[0-9a-fA-F-]{36}")
                    && (name.equals("referralId") || uri.getPath().startsWith("/referrals/"))) {
                return value;
            }
        }
        return null;
    }
}
