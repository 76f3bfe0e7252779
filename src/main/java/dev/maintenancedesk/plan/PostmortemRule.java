package dev.maintenancedesk.plan;

import java.util.List;

/** Which tickets need a post-mortem before closing (section 14) and the sections it must fill. */
public record PostmortemRule(List<Priority> priorities, List<String> labels, List<PostmortemSection> sections) {

    public record PostmortemSection(String key, Localized title) {}
}
