package org.rescuegrid.backoffice.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Staff, shifts and the rota: who was on which vehicle or desk at any time. Read from three CSV files
 * ({@code #} starts a comment line): staff {@code staffId,name,role,station,district,login}, shifts
 * {@code shift,from,to} (HH:mm UTC, a shift that ends before it starts runs past midnight), and the
 * rota {@code date,shift,staffId,post} where the date is yyyy-MM-dd or {@code *} for every day and the
 * post is a vehicle id or {@code desk:NAME}.
 */
public final class Roster {

    /** A staff member. {@code login} is the console or REST user name, or null. */
    public record Staff(String staffId, String name, String role, String station, String district, String login) {
    }

    /** A named daily shift. */
    public record Shift(String name, LocalTime from, LocalTime to) {

        boolean covers(LocalTime time) {
            return from.isBefore(to) ? !time.isBefore(from) && time.isBefore(to) : !time.isBefore(from) || time.isBefore(to);
        }

        /** Returns the day a time belongs to in this shift: a night shift's hours after midnight belong to the day before. */
        LocalDate day(Instant time) {
            LocalDate date = time.atOffset(ZoneOffset.UTC).toLocalDate();
            return !from.isBefore(to) && time.atOffset(ZoneOffset.UTC).toLocalTime().isBefore(to) ? date.minusDays(1) : date;
        }

        /** Returns when this shift started for a time it covers. */
        Instant start(Instant time) {
            return day(time).atTime(from).toInstant(ZoneOffset.UTC);
        }
    }

    /** One line of the rota. {@code date} null means every day. */
    public record Duty(LocalDate date, String shift, String staffId, String post) {
    }

    /** A staff member on a post in a shift. */
    public record OnDuty(Staff staff, String shift, String post) {
    }

    private final Map<String, Staff> staff;
    private final Map<String, Shift> shifts;
    private final List<Duty> rota;

    public Roster(Map<String, Staff> staff, Map<String, Shift> shifts, List<Duty> rota) {
        // Copies that keep the files' order: shiftAt picks the first shift that covers a time.
        this.staff = Collections.unmodifiableMap(new LinkedHashMap<>(staff));
        this.shifts = Collections.unmodifiableMap(new LinkedHashMap<>(shifts));
        this.rota = List.copyOf(rota);
    }

    public static Roster empty() {
        return new Roster(Map.of(), Map.of(), List.of());
    }

    /**
     * Reads the three files. A missing file counts as empty.
     *
     * @throws IllegalArgumentException naming the file, line and field of the first invalid line
     */
    public static Roster read(Path staffFile, Path shiftsFile, Path rotaFile) throws IOException {
        return parse(name(staffFile), text(staffFile), name(shiftsFile), text(shiftsFile), name(rotaFile), text(rotaFile));
    }

    /**
     * Parses the three files' texts; the names are for error messages.
     *
     * @throws IllegalArgumentException naming the file, line and field of the first invalid line
     */
    public static Roster parse(String staffName, String staffText, String shiftsName, String shiftsText, String rotaName, String rotaText) {
        Map<String, Staff> staff = new LinkedHashMap<>();
        for (Line line : lines(staffName, staffText)) {
            line.expect(6, "staffId,name,role,station,district,login");
            String role = line.field(2);
            if (!Sop.ROLES.contains(role)) {
                throw line.invalid("role '" + role + "' is unknown; use one of " + String.join(", ", Sop.ROLES));
            }
            if (staff.putIfAbsent(line.field(0), new Staff(line.field(0), line.field(1), role, line.field(3), line.field(4),
                    line.field(5).isEmpty() ? null : line.field(5))) != null) {
                throw line.invalid("staff id " + line.field(0) + " appears twice");
            }
        }
        Map<String, Shift> shifts = new LinkedHashMap<>();
        for (Line line : lines(shiftsName, shiftsText)) {
            line.expect(3, "shift,from,to");
            try {
                shifts.put(line.field(0), new Shift(line.field(0), LocalTime.parse(line.field(1)), LocalTime.parse(line.field(2))));
            } catch (DateTimeParseException e) {
                throw line.invalid("times must be HH:mm in UTC, such as 06:00");
            }
        }
        List<Duty> rota = new ArrayList<>();
        for (Line line : lines(rotaName, rotaText)) {
            line.expect(4, "date,shift,staffId,post");
            LocalDate date = null;
            if (!line.field(0).equals("*")) {
                try {
                    date = LocalDate.parse(line.field(0));
                } catch (DateTimeParseException e) {
                    throw line.invalid("date '" + line.field(0) + "' is invalid; write yyyy-MM-dd or * for every day");
                }
            }
            if (!shifts.containsKey(line.field(1))) {
                throw line.invalid("shift '" + line.field(1) + "' is not in " + shiftsName);
            }
            if (!staff.containsKey(line.field(2))) {
                throw line.invalid("staff id '" + line.field(2) + "' is not in " + staffName);
            }
            rota.add(new Duty(date, line.field(1), line.field(2), line.field(3)));
        }
        return new Roster(staff, shifts, rota);
    }

    public List<Staff> staff() {
        return List.copyOf(staff.values());
    }

    /** Returns the shifts in the order of the shifts file. */
    public List<Shift> shifts() {
        return List.copyOf(shifts.values());
    }

    public List<Duty> rota() {
        return rota;
    }

    public Optional<Staff> staff(String staffId) {
        return Optional.ofNullable(staff.get(staffId));
    }

    public Optional<Staff> byLogin(String login) {
        return login == null ? Optional.empty() : staff.values().stream().filter(s -> login.equals(s.login())).findFirst();
    }

    /** Returns the shift that covers a time, by the order of the shifts file. */
    public Optional<Shift> shiftAt(Instant time) {
        LocalTime clock = time.atOffset(ZoneOffset.UTC).toLocalTime();
        return shifts.values().stream().filter(s -> s.covers(clock)).findFirst();
    }

    /** Returns who held a post (a vehicle id or desk:NAME) at a time, in rota order. */
    public List<OnDuty> onDuty(String post, Instant time) {
        Optional<Shift> shift = shiftAt(time);
        if (shift.isEmpty()) {
            return List.of();
        }
        LocalDate day = shift.get().day(time);
        List<OnDuty> result = new ArrayList<>();
        for (Duty duty : rota) {
            if (duty.post().equals(post) && duty.shift().equals(shift.get().name()) && (duty.date() == null || duty.date().equals(day))) {
                result.add(new OnDuty(staff.get(duty.staffId()), duty.shift(), post));
            }
        }
        return result;
    }

    /** Returns the whole rota of the shift that covers a time. */
    public List<OnDuty> onDuty(Instant time) {
        Optional<Shift> shift = shiftAt(time);
        if (shift.isEmpty()) {
            return List.of();
        }
        LocalDate day = shift.get().day(time);
        return rota.stream().filter(d -> d.shift().equals(shift.get().name()) && (d.date() == null || d.date().equals(day)))
                .map(d -> new OnDuty(staff.get(d.staffId()), d.shift(), d.post())).toList();
    }

    /** Returns a file's text, or an empty text when the file is missing, which counts as an empty file. */
    static String text(Path file) throws IOException {
        return file != null && Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }

    private static String name(Path file) {
        return file == null ? "(none)" : file.getFileName().toString();
    }

    private static List<Line> lines(String fileName, String text) {
        List<Line> result = new ArrayList<>();
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (!line.isEmpty() && !line.startsWith("#")) {
                result.add(new Line(fileName, i + 1, line.split(",", -1)));
            }
        }
        return result;
    }

    private record Line(String file, int number, String[] fields) {

        void expect(int count, String form) {
            if (fields.length != count) {
                throw invalid("expected " + count + " fields " + form + ", found " + fields.length);
            }
            for (int i = 0; i < count - 1; i++) {
                if (fields[i].isBlank()) {
                    throw invalid("field " + (i + 1) + " of " + form + " is empty");
                }
            }
        }

        String field(int index) {
            return fields[index].strip();
        }

        IllegalArgumentException invalid(String problem) {
            return new IllegalArgumentException("file " + file + " line " + number + ": " + problem);
        }
    }
}
