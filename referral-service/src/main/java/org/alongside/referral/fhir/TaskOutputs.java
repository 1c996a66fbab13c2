package org.alongside.referral.fhir;

import java.util.List;
import org.alongside.referral.lifecycle.Referral;
import org.hl7.fhir.r4.model.Task;

/**
 * What a referral's Task gives as its outputs, from the feature that produces them (the end-of-support summary of a
 * closed referral), so this package needs to know none of them.
 */
public interface TaskOutputs {

    List<Task.TaskOutputComponent> of(Referral referral);
}
