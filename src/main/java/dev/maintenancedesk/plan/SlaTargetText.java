package dev.maintenancedesk.plan;

import org.springframework.context.MessageSourceResolvable;

/**
 * How an SLA target reads ("1h ouvrée", "2 business days", "Planifié release"), resolved in the reader's
 * language: the rendered plan and the notifications say a target the same way, from the plan's value.
 */
public final class SlaTargetText {

    private SlaTargetText() {}

    public static MessageSourceResolvable of(SlaTarget target) {
        return switch (target) {
            // the seed writes "1 jour" and "2 jours": singular up to one
            case BusinessDuration d -> Texts.text("plan.target." + d.unit() + (d.amount() > 1 ? ".other" : ".one"),
                    String.valueOf(d.amount()));
            case SlaTarget.NextMinorRelease r -> Texts.text("plan.target.release");
        };
    }
}
