package dev.maintenancedesk.plan;

/**
 * A team that works tickets on its own business calendar (follow-the-sun support across time zones).
 * Without a calendar of its own, the team works on the plan's calendar.
 */
public record Team(String key, Localized name, CalendarSettings calendar) {}
