package dev.maintenancedesk.tickets.web;

import dev.maintenancedesk.plan.Plan;
import dev.maintenancedesk.plan.TicketTemplate;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class TemplateApi {

    private final Plan plan;

    TemplateApi(Plan plan) {
        this.plan = plan;
    }

    /** The plan's creation templates with their fields, for forms and scripts. */
    @GetMapping("/api/v1/templates")
    List<TicketTemplate> templates() {
        return plan.templates();
    }
}
