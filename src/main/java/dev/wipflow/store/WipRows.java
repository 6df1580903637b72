package dev.wipflow.store;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.wipflow.json.Json;
import dev.wipflow.wip.Descriptions;
import dev.wipflow.wip.ProductFields;
import dev.wipflow.wip.Status;
import dev.wipflow.wip.Step;
import dev.wipflow.wip.StepError;
import dev.wipflow.wip.WipProduct;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A {@code wip_products} row as a {@link WipProduct}: the columns read and how each becomes a field. */
final class WipRows {
    static final String COLUMNS = "id, collection, sku, url, status, step, row_num, append_pending, sheet_write,"
            + " fields, descriptions, cleaned, sheet_written, sheet_kept, error_step, error_message, warnings, missing, attempts, priority,"
            + " lease_until, cancel_requested,"
            + " sheet_calls, llm_tokens, created_at, updated_at, completed_at, document_fields";

    private static final TypeReference<Map<String, String>> CELLS = new TypeReference<>() { };

    private WipRows() {
    }

    static WipProduct map(ResultSet rs) throws SQLException {
        String errorStep = rs.getString("error_step");
        String step = rs.getString("step");
        return new WipProduct(
                rs.getLong("id"),
                rs.getString("collection"),
                rs.getString("sku"),
                rs.getString("url"),
                Status.parse(rs.getString("status")),
                step == null ? null : Step.parse(step),
                (Integer) rs.getObject("row_num") == null ? null : rs.getInt("row_num"),
                rs.getInt("append_pending") == 1,
                rs.getString("sheet_write"),
                Json.read(rs.getString("fields"), ProductFields.class),
                Json.read(rs.getString("descriptions"), Descriptions.class),
                Json.read(rs.getString("cleaned"), CELLS),
                Json.read(rs.getString("sheet_written"), CELLS),
                Optional.ofNullable(Json.read(rs.getString("sheet_kept"), CELLS)).orElse(Map.of()),
                errorStep == null ? null : new StepError(errorStep, rs.getString("error_message")),
                Optional.ofNullable(Json.read(rs.getString("warnings"), new TypeReference<List<String>>() { })).orElse(List.of()),
                Json.read(rs.getString("missing"), new TypeReference<List<String>>() { }),
                rs.getInt("attempts"),
                rs.getInt("priority"),
                instant(rs, "lease_until"),
                rs.getInt("cancel_requested") == 1,
                rs.getInt("sheet_calls"),
                rs.getLong("llm_tokens"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"),
                instant(rs, "completed_at"),
                Json.read(rs.getString("document_fields"), ProductFields.class));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }
}
