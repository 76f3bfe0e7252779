package dev.maintenancedesk.backlog;

/**
 * The tech-debt tickets of the review's scope: how many, their share of the scope in whole per cent, and
 * their median and oldest age in days (null when there are none).
 */
public record TechDebtShare(int count, int scope, int percent, Long medianAgeDays, Long oldestAgeDays) {}
