package org.alongside.session.group;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.alongside.platform.problem.ProblemException;
import org.alongside.session.recording.Session;

/** Group rules that need no database. */
public final class GroupRules {

    private GroupRules() {
    }

    /** A peer-led or co-facilitated group has at least one peer facilitator; a facilitator is listed once. */
    public static List<UUID> checkFacilitators(PeerGroup.Leadership leadership, List<UUID> facilitators) {
        List<UUID> distinct = facilitators.stream().distinct().toList();
        if (distinct.isEmpty() && leadership != PeerGroup.Leadership.PROFESSIONALLY_LED) {
            throw ProblemException.invalid("facilitators", "a " + leadership + " group needs at least one peer "
                    + "facilitator");
        }
        return distinct;
    }

    /** Each member is on a register once. */
    public static void checkDistinctMembers(List<UUID> referralIds) {
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < referralIds.size(); i++) {
            if (!seen.add(referralIds.get(i))) {
                throw ProblemException.invalid("attendance[" + i + "].referralId", "referral " + referralIds.get(i)
                        + " is already on the register");
            }
        }
    }

    /** A room holds only so many: the members who attended may not exceed the group's capacity. */
    public static void checkCapacity(long attended, int capacity, String groupName) {
        if (attended > capacity) {
            throw ProblemException.conflict("group-over-capacity", attended + " members attended but '" + groupName
                    + "' takes at most " + capacity + "; check the register or raise the group's capacity");
        }
    }

    public static long attended(List<Session.Attendance> register) {
        return register.stream().filter(a -> a == Session.Attendance.ATTENDED).count();
    }
}
