package dev.maintenancedesk.sla;

/** The plan's two SLA clocks: "délai de prise en compte" and "délai de correction". */
public enum ClockKind { TAKE_CHARGE, RESOLUTION }
