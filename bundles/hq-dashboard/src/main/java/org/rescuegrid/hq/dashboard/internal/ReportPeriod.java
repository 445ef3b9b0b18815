package org.rescuegrid.hq.dashboard.internal;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * The period of a report or trend request: {@code month=YYYY-MM}, or {@code from=} and {@code to=} as dates
 * or UTC times. Months and dates are days in {@link #ZONE}; a date {@code to} is exclusive, so
 * {@code from=2026-11-01&to=2026-12-01} is November.
 */
record ReportPeriod(Instant from, Instant to, String label) {

    // TODO: read the time zone and shifts from the dashboard configuration; HQ assumes the front office's defaults
    // (Asia/Karachi, morning 08-16, evening 16-24, night 00-08), which a province may have changed.
    static final ZoneId ZONE = ZoneId.of("Asia/Karachi");

    static final String MONTH_FORM = "month=YYYY-MM such as month=2026-11";
    static final String PERIOD_FORM = MONTH_FORM + ", or from= and to= as dates such as from=2026-11-01&to=2026-11-16"
            + " or UTC times such as 2026-11-01T00:00:00Z";

    /** Reads the period from the query; throws {@link DashboardApi.BadRequest} naming the value and the accepted form. */
    static ReportPeriod parse(Map<String, String> query, Duration longest) {
        String month = query.get("month");
        boolean range = query.containsKey("from") || query.containsKey("to");
        if (month != null && range) {
            throw new DashboardApi.BadRequest("give either month or from and to, not both; use " + PERIOD_FORM);
        }
        ReportPeriod period;
        if (month != null) {
            period = month(month);
        } else if (range) {
            Instant from = instant("from", query.get("from"));
            Instant to = instant("to", query.get("to"));
            period = new ReportPeriod(from, to, query.get("from") + " to " + query.get("to"));
        } else {
            throw new DashboardApi.BadRequest("the period is missing; give " + PERIOD_FORM);
        }
        if (!period.from().isBefore(period.to())) {
            throw new DashboardApi.BadRequest("from " + period.from() + " is not before to " + period.to() + "; give " + PERIOD_FORM);
        }
        if (Duration.between(period.from(), period.to()).compareTo(longest) > 0) {
            throw new DashboardApi.BadRequest("the period " + period.label() + " is longer than " + longest.toDays() + " days; give a shorter one");
        }
        return period;
    }

    private static ReportPeriod month(String text) {
        try {
            YearMonth month = YearMonth.parse(text.strip());
            Instant from = month.atDay(1).atStartOfDay(ZONE).toInstant();
            Instant to = month.plusMonths(1).atDay(1).atStartOfDay(ZONE).toInstant();
            return new ReportPeriod(from, to, month.toString());
        } catch (DateTimeParseException e) {
            throw new DashboardApi.BadRequest("month '" + text + "' is invalid; give " + MONTH_FORM);
        }
    }

    private static Instant instant(String name, String text) {
        if (text == null || text.isBlank()) {
            throw new DashboardApi.BadRequest(name + " is missing; give " + PERIOD_FORM);
        }
        try {
            String value = text.strip();
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZONE).toInstant() : Instant.parse(value);
        } catch (DateTimeException e) {
            throw new DashboardApi.BadRequest(name + " '" + text + "' is invalid; give " + PERIOD_FORM);
        }
    }
}
