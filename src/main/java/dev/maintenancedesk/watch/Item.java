package dev.maintenancedesk.watch;

import java.time.Instant;

/** One entry of a source: a feed entry, or an advisory as its source listed it ({@code advisoryId} then set). */
record Item(String guid, String title, String link, String summary, Instant published, String advisoryId) {}
