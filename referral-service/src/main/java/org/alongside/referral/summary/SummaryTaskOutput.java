package org.alongside.referral.summary;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.alongside.referral.fhir.TaskOutputs;
import org.alongside.referral.lifecycle.Referral;
import org.alongside.referral.lifecycle.ReferralStatus;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;

/** A closed referral's Task names its end-of-support summary as its output, once there is one to share. */
@ApplicationScoped
public class SummaryTaskOutput implements TaskOutputs {

    private final Summaries summaries;

    SummaryTaskOutput(Summaries summaries) {
        this.summaries = summaries;
    }

    @Override
    public List<Task.TaskOutputComponent> of(Referral referral) {
        if (referral.status != ReferralStatus.CLOSED || summaries.readable(referral).isEmpty()) {
            return List.of();
        }
        return List.of(new Task.TaskOutputComponent()
                .setType(new CodeableConcept().setText("End-of-support summary"))
                .setValue(new Reference("Bundle/" + referral.id).setType("Bundle")
                        .setDisplay("End-of-support summary")));
    }
}
