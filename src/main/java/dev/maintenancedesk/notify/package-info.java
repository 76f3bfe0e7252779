/** E-mail and chat-webhook notifications, driven by events only. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"plan", "accounts", "tickets", "sla", "preventive",
        "postmortem", "problem"})
package dev.maintenancedesk.notify;
