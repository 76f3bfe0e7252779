package dev.maintenancedesk.backup;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * A row as one JSON array, the same whatever database it was read from: instants in UTC, bytes in Base64,
 * decimals and UUIDs as text. So a table's SHA-256 only changes when its data does, and a PostgreSQL backup restored
 * into H2 (or the other way round) dumps back to the very same lines.
 */
final class Rows {

    private Rows() {
    }

    static ArrayNode read(ResultSet rs) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        ArrayNode row = JsonNodeFactory.instance.arrayNode();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            int type = meta.getColumnType(i);
            String typeName = meta.getColumnTypeName(i).toLowerCase(Locale.ROOT);
            if (withZone(type, typeName)) {
                OffsetDateTime at = rs.getObject(i, OffsetDateTime.class);
                row.add(at == null ? null : at.withOffsetSameInstant(ZoneOffset.UTC).toString());
                continue;
            }
            if (typeName.equals("uuid")) {
                Object id = rs.getObject(i);
                row.add(id == null ? null : id.toString());
                continue;
            }
            switch (type) {
                case Types.BOOLEAN, Types.BIT -> {
                    boolean b = rs.getBoolean(i);
                    if (rs.wasNull()) row.addNull(); else row.add(b);
                }
                case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> {
                    long n = rs.getLong(i);
                    if (rs.wasNull()) row.addNull(); else row.add(n);
                }
                case Types.REAL, Types.FLOAT, Types.DOUBLE -> {
                    double d = rs.getDouble(i);
                    if (rs.wasNull()) row.addNull(); else row.add(d);
                }
                case Types.NUMERIC, Types.DECIMAL -> {
                    BigDecimal d = rs.getBigDecimal(i);
                    row.add(d == null ? null : d.toPlainString());
                }
                case Types.DATE -> {
                    LocalDate d = rs.getObject(i, LocalDate.class);
                    row.add(d == null ? null : d.toString());
                }
                case Types.TIMESTAMP -> {
                    LocalDateTime t = rs.getObject(i, LocalDateTime.class);
                    row.add(t == null ? null : t.toString());
                }
                case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> {
                    byte[] bytes = rs.getBytes(i);
                    row.add(bytes == null ? null : Base64.getEncoder().encodeToString(bytes));
                }
                case Types.ARRAY -> row.add(strings(rs.getArray(i)));
                default -> row.add(rs.getString(i));
            }
        }
        return row;
    }

    /** Binds a stored row to an INSERT whose parameters are in the table's column order. */
    static void bind(PreparedStatement insert, ArrayNode row, ResultSetMetaData target) throws SQLException {
        for (int i = 1; i <= target.getColumnCount(); i++) {
            JsonNode value = row.get(i - 1);
            int type = target.getColumnType(i);
            String typeName = target.getColumnTypeName(i).toLowerCase(Locale.ROOT);
            if (value == null || value.isNull()) {
                insert.setNull(i, type);
            } else if (withZone(type, typeName)) {
                insert.setObject(i, OffsetDateTime.parse(value.asString()));
            } else if (typeName.equals("uuid")) {
                insert.setObject(i, java.util.UUID.fromString(value.asString()));
            } else {
                switch (type) {
                    case Types.BOOLEAN, Types.BIT -> insert.setBoolean(i, value.asBoolean());
                    case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> insert.setLong(i, value.asLong());
                    case Types.REAL, Types.FLOAT, Types.DOUBLE -> insert.setDouble(i, value.asDouble());
                    case Types.NUMERIC, Types.DECIMAL -> insert.setBigDecimal(i, new BigDecimal(value.asString()));
                    case Types.DATE -> insert.setObject(i, LocalDate.parse(value.asString()));
                    case Types.TIMESTAMP -> insert.setObject(i, LocalDateTime.parse(value.asString()));
                    case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB ->
                            insert.setBytes(i, Base64.getDecoder().decode(value.asString()));
                    case Types.OTHER -> insert.setObject(i, value.asString(), Types.OTHER);
                    case Types.ARRAY -> insert.setArray(i, insert.getConnection().createArrayOf("varchar",
                            value.valueStream().map(JsonNode::asString).toArray()));
                    default -> insert.setString(i, value.asString());
                }
            }
        }
    }

    /** A text array (the only kind the desk stores: a ticket's labels) as a JSON array; null stays null. */
    private static ArrayNode strings(java.sql.Array array) throws SQLException {
        if (array == null) {
            return null;
        }
        try {
            ArrayNode values = JsonNodeFactory.instance.arrayNode();
            for (Object value : (Object[]) array.getArray()) {
                values.add(value == null ? null : value.toString());
            }
            return values;
        } finally {
            array.free();
        }
    }

    private static boolean withZone(int type, String typeName) {
        return type == Types.TIMESTAMP_WITH_TIMEZONE || typeName.equals("timestamptz")
                || typeName.contains("with time zone");
    }
}
