package dev.maintenancedesk.backup;

import java.util.List;

/**
 * What a backup holds, written first in its file: the schema version (the last applied migration), the
 * database it came from, and per table its columns, row count and the SHA-256 of its rows as stored in the
 * file; the sequences' positions so that numbering continues where it stopped.
 */
public record Manifest(int format, String createdAt, String schemaVersion, String sourceDatabase,
        List<Table> tables, List<Sequence> sequences) {

    public static final int FORMAT = 1;

    public record Table(String name, List<String> columns, long rows, String sha256) {}

    public record Sequence(String name, long next) {}

    public long totalRows() {
        return tables.stream().mapToLong(Table::rows).sum();
    }
}
