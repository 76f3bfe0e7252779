package dev.maintenancedesk.plan;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** A target of the SLA table: an amount of business time, or "planned in a release" (P4). */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = BusinessDuration.class, name = "business_time"),
        @JsonSubTypes.Type(value = SlaTarget.NextMinorRelease.class, name = "next_minor_release")})
public sealed interface SlaTarget permits BusinessDuration, SlaTarget.NextMinorRelease {

    /** Due at the end of business hours on the day of the next MINOR release window after triage. */
    record NextMinorRelease() implements SlaTarget {
        @Override
        public String toString() {
            return "release";
        }
    }
}
