package org.alongside.matching.proposals;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.alongside.platform.events.matches.MatchAccepted.SharedLivedExperience;
import org.junit.jupiter.api.Test;

/** What match.accepted says the peer shares with the person: read from the accepted proposal's reasons. */
class SharedLivedExperienceTest {

    @Test
    void aSharedConditionWinsOverASharedGroupAndNeitherIsNone() {
        assertEquals(SharedLivedExperience.CONDITION, shared(Scorer.Factor.SHARED_GROUP,
                Scorer.Factor.SHARED_CONDITION, Scorer.Factor.LANGUAGE));
        assertEquals(SharedLivedExperience.CONDITION_GROUP, shared(Scorer.Factor.SHARED_GROUP,
                Scorer.Factor.PHYSICAL_AND_MENTAL));
        // sharing only the kind of condition (physical, mental) is not sharing a condition or its group
        assertEquals(SharedLivedExperience.NONE, shared(Scorer.Factor.SHARED_KIND, Scorer.Factor.AVAILABILITY));
        assertEquals(SharedLivedExperience.NONE, shared());
    }

    private static SharedLivedExperience shared(Scorer.Factor... factors) {
        Proposal proposal = new Proposal();
        proposal.reasons = List.of(factors).stream().map(f -> new Scorer.Reason(f, f.name(), 10)).toList();
        return Decisions.sharedLivedExperience(proposal);
    }
}
