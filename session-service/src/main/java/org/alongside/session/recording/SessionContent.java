package org.alongside.session.recording;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import org.alongside.session.vocabulary.Focus;

/** What a session says, as recorded or corrected: checked and normalised the same way either way. */
record SessionContent(OffsetDateTime startedAt, int durationMinutes, Session.Medium medium,
        Session.PlaceType placeType, Session.Attendance attendance, List<Focus> focus, String notes,
        Boolean sharedLivedExperience, OffsetDateTime nextSessionAt) {

    /** Focus without repeats, notes without surrounding blanks (blank notes are none). */
    SessionContent normalised() {
        String cleanNotes = notes == null || notes.isBlank() ? null : notes.strip();
        return new SessionContent(startedAt, durationMinutes, medium, placeType, attendance,
                focus.stream().distinct().toList(), cleanNotes, sharedLivedExperience, nextSessionAt);
    }

    static SessionContent of(Session s) {
        return new SessionContent(s.startedAt, s.durationMinutes, s.medium, s.placeType, s.attendance, s.focus,
                s.notes, s.sharedLivedExperience, s.nextSessionAt);
    }

    /** Same content, comparing times as instants (a client may send them in another offset). */
    boolean sameAs(SessionContent other) {
        return startedAt.isEqual(other.startedAt) && durationMinutes == other.durationMinutes
                && medium == other.medium && placeType == other.placeType && attendance == other.attendance
                && focus.equals(other.focus) && Objects.equals(notes, other.notes)
                && Objects.equals(sharedLivedExperience, other.sharedLivedExperience)
                && (nextSessionAt == null ? other.nextSessionAt == null
                        : other.nextSessionAt != null && nextSessionAt.isEqual(other.nextSessionAt));
    }

    void applyTo(Session s) {
        s.startedAt = startedAt;
        s.durationMinutes = durationMinutes;
        s.medium = medium;
        s.placeType = placeType;
        s.attendance = attendance;
        s.focus = focus;
        s.notes = notes;
        s.sharedLivedExperience = sharedLivedExperience;
        s.nextSessionAt = nextSessionAt;
    }
}
