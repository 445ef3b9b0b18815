package org.rescuegrid.hq.dashboard.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Reads the backlog the districts' uplinks reported and the last reconciliation results, for data health. */
final class UplinkHealthReads {

    /** Most reconciliation rows the API returns, newest day first. */
    static final int MAX_RECONCILIATIONS = 500;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private UplinkHealthReads() {
    }

    /** Adds {@code uplinkBacklog} to each district: the last backlog its uplink reported, or null before the first report. */
    static void addBacklogs(Connection connection, Map<String, ObjectNode> districts) throws SQLException {
        districts.values().forEach(district -> district.putNull("uplinkBacklog"));
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT province, backlog_rows, oldest_created_at, oldest_age_seconds, reported_at FROM hq_uplink_backlog");
                ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                ObjectNode district = districts.get(rs.getString(1));
                if (district != null) {
                    ObjectNode backlog = district.putObject("uplinkBacklog");
                    backlog.put("rows", rs.getLong(2));
                    backlog.put("oldestCreatedAt", rs.getTimestamp(3).toInstant().toString());
                    backlog.put("oldestAgeSeconds", rs.getLong(4));
                    backlog.put("reportedAt", rs.getTimestamp(5).toInstant().toString());
                }
            }
        }
    }

    /**
     * Returns the last reconciliation of each district, UTC day and record type, newest day first. The
     * count of records at HQ that the district does not know is null until the district has sent all its ids.
     */
    static ArrayNode reconciliations(DataSource dataSource) throws SQLException {
        ArrayNode result = MAPPER.createArrayNode();
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(
                "SELECT province, recon_day, record_type, checked_at, district_count, hq_count, missing_count, missing_ids, state"
                        + " FROM hq_reconciliation ORDER BY recon_day DESC, province, record_type FETCH FIRST " + MAX_RECONCILIATIONS + " ROWS ONLY");
                ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                ObjectNode item = result.addObject();
                item.put("district", rs.getString(1));
                item.put("day", rs.getDate(2).toLocalDate().toString());
                item.put("recordType", rs.getString(3));
                item.put("checkedAt", rs.getTimestamp(4).toInstant().toString());
                long districtCount = rs.getLong(5);
                long hqCount = rs.getLong(6);
                long missing = rs.getLong(7);
                String state = rs.getString(9);
                item.put("districtCount", districtCount);
                item.put("hqCount", hqCount);
                item.put("missingCount", missing);
                ArrayNode ids = item.putArray("missingIds");
                for (String id : rs.getString(8).split(",")) {
                    if (!id.isEmpty()) {
                        ids.add(id);
                    }
                }
                item.put("state", state);
                switch (state) {
                    case "MATCH" -> item.put("unknownToDistrict", 0);
                    case "COMPLETE" -> item.put("unknownToDistrict", Math.max(0, hqCount - (districtCount - missing)));
                    default -> item.putNull("unknownToDistrict");
                }
            }
        }
        return result;
    }
}
