package org.alongside.console.api.session;

import static org.alongside.console.api.ServiceCalls.call;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** The console's one way to session-service. */
@ApplicationScoped
public class SessionClient {

    public static final String SERVICE = "Sessions";
    /** session-service pages its lists; the console shows the first page, as long as the service allows. */
    private static final int MAX = 200;

    private final SessionApi api;

    SessionClient(@RestClient SessionApi api) {
        this.api = api;
    }

    /** The signed-in peer worker's own caseload. */
    public Sessions.Caseload caseload() {
        return call(SERVICE, () -> api.caseload());
    }

    /**
     * Every caseload the signed-in person oversees in figures (a supervisor's: their supervisees'), by peer: its
     * first page of MAX, more peers than one supervisor has.
     */
    public Map<UUID, Sessions.CaseloadSummary> caseloadSummaries() {
        return call(SERVICE, () -> api.caseloadSummaries(MAX).items().stream()
                .collect(Collectors.toMap(Sessions.CaseloadSummary::peerId, Function.identity())));
    }

    public List<Sessions.Session> sessions(UUID referralId) {
        return call(SERVICE, () -> api.sessions(referralId, MAX).items());
    }

    public Sessions.Session record(Sessions.NewSession session) {
        return call(SERVICE, () -> api.record(session));
    }

    public List<Sessions.Goal> goals(UUID referralId) {
        return call(SERVICE, () -> api.goals(referralId, MAX).items());
    }

    public Sessions.Goal addGoal(UUID referralId, Sessions.NewGoal goal) {
        return call(SERVICE, () -> api.addGoal(referralId, goal));
    }

    public List<Sessions.Signpost> signposting(UUID referralId) {
        return call(SERVICE, () -> api.signposting(referralId, MAX).items());
    }

    /**
     * The caller's one worklist of concerns and risk flags not yet closed: overdue first, then immediate risks, then
     * by deadline (the service's order); its first page of MAX, far more than a team has open.
     */
    public List<Sessions.WorkItem> worklist() {
        return call(SERVICE, () -> api.worklist(MAX).items());
    }

    public Sessions.WorkItem acknowledgeRiskFlag(UUID id) {
        return call(SERVICE, () -> api.acknowledgeRiskFlag(id));
    }

    public Sessions.WorkItem closeRiskFlag(UUID id, String actionTaken) {
        return call(SERVICE, () -> api.closeRiskFlag(id, new Sessions.Closure(actionTaken)));
    }

    /** The signed-in person's own alerts, those to acknowledge first. */
    public List<Sessions.Alert> alerts() {
        return call(SERVICE, () -> api.alerts(MAX).items());
    }

    public Sessions.Alert acknowledgeAlert(UUID id) {
        return call(SERVICE, () -> api.acknowledgeAlert(id));
    }

    public List<Sessions.Concern> concernsAbout(UUID referralId) {
        return call(SERVICE, () -> api.concerns(List.of("OPEN", "ACKNOWLEDGED", "CLOSED"), referralId, MAX).items());
    }

    public Sessions.Concern raise(Sessions.NewConcern concern) {
        return call(SERVICE, () -> api.raise(concern));
    }

    public Sessions.Concern acknowledge(UUID id) {
        return call(SERVICE, () -> api.acknowledge(id));
    }

    public Sessions.Concern close(UUID id, String actionTaken) {
        return call(SERVICE, () -> api.close(id, new Sessions.Closure(actionTaken)));
    }

    public List<Sessions.Group> groups() {
        return call(SERVICE, () -> api.groups(MAX).items());
    }

    public Sessions.Group group(UUID id) {
        return call(SERVICE, () -> api.group(id));
    }

    public List<Sessions.Meeting> meetings(UUID groupId) {
        return call(SERVICE, () -> api.meetings(groupId, MAX).items());
    }

    public Sessions.Meeting recordMeeting(UUID groupId, Sessions.NewMeeting meeting) {
        return call(SERVICE, () -> api.recordMeeting(groupId, meeting));
    }

    public List<Sessions.OverdueSupervision> overdueSupervision() {
        return call(SERVICE, () -> api.overdueSupervision(MAX).items());
    }

    public List<Sessions.Supervision> supervision(UUID peerId) {
        return call(SERVICE, () -> api.supervision(peerId, MAX).items());
    }

    public Sessions.Supervision recordSupervision(UUID peerId, Sessions.NewSupervision supervision) {
        return call(SERVICE, () -> api.recordSupervision(peerId, supervision));
    }
}
