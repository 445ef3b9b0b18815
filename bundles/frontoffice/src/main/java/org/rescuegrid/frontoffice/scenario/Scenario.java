package org.rescuegrid.frontoffice.scenario;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.rescuegrid.api.position.PositionFix;

/**
 * A scenario parsed from its text form: one command per line, {@code #} starts a comment, times are
 * offsets from {@code start} written {@code mm:ss} or {@code h:mm:ss}. A command followed by
 * {@code !! text} is expected to fail with a message containing that text.
 *
 * <pre>
 * start 2026-12-04T10:00:00Z
 * call 0:00 A type=fire at=31.52040,74.35870 caller=03001234567 people=2
 * call 0:20 - disposition=nuisance caller=03009999999
 * call 0:40 A2 type=fire at=31.52050,74.35880 !! may report open incident
 * call 0:45 A2 type=fire at=31.52050,74.35880 attach=A
 * dispatch 0:30 A FIRE-KHI-201
 * fix 1:00 FIRE-KHI-201 31.51000,74.34000 speed=40
 * drive 1:00 FIRE-KHI-201 31.51000,74.34000 31.52040,74.35870 until=6:59 every=10
 * hold 6:59 FIRE-KHI-201 31.52040,74.35870 until=20:00 every=10 drift=40
 * step 21:00 A FIRE-KHI-201 left-scene
 * close 40:00 A
 * expect A on-scene 6:59           incident time of a step, or - when it must not be reached
 * expect A FIRE-KHI-201 left-scene 21:00
 * expect A alert -                  when the response alert was raised, or -
 * expect A calls 2
 * recommend 0:25 A FIRE-KHI-201,RESCUE-ISB-301   the ranking at that time, fastest first
 * expect-kpi responded=1 within=1 response.median=6:59 calls.nuisance=1 incidents.fire=1
 * </pre>
 *
 * Calls are emergencies unless {@code disposition=} sets another disposition; {@code landmark=NAME} (underscores for spaces) replaces
 * {@code at=}, {@code new-incident} confirms a new incident despite a duplicate offer, and
 * {@code flagged=true|false} checks the repeat-nuisance flag. {@code drive} sends fixes every
 * {@code every} seconds on a straight line, the last one at {@code until}; {@code hold} sends fixes
 * around a point, each {@code drift} metres off it in turn north, east, south and west.
 */
public final class Scenario {

    /** One timed command; GPS tracks are expanded into one {@code fix} event per fix. */
    public record Event(Duration at, int line, String command, List<String> arguments, Map<String, String> options,
            String expectedError, PositionFix fix) {
    }

    /** One expectation checked after the last event. */
    public record Expectation(int line, List<String> arguments, Map<String, String> options) {
    }

    private static final Set<String> COMMANDS = Set.of("call", "dispatch", "step", "close", "fix", "drive", "hold", "recommend");

    private final String name;
    private final Instant start;
    private final List<Event> events;
    private final List<Expectation> expectations;
    private final List<Expectation> kpiExpectations;

    private Scenario(String name, Instant start, List<Event> events, List<Expectation> expectations, List<Expectation> kpiExpectations) {
        this.name = name;
        this.start = start;
        this.events = events;
        this.expectations = expectations;
        this.kpiExpectations = kpiExpectations;
    }

    public String name() {
        return name;
    }

    public Instant start() {
        return start;
    }

    /** Returns the events in time order; events at the same time keep the order of their lines. */
    public List<Event> events() {
        return events;
    }

    public List<Expectation> expectations() {
        return expectations;
    }

    public List<Expectation> kpiExpectations() {
        return kpiExpectations;
    }

    /** Returns the same scenario starting at another time; fix times move with it. */
    public Scenario withStart(Instant newStart) {
        Duration shift = Duration.between(start, newStart);
        List<Event> moved = new ArrayList<>();
        for (Event event : events) {
            PositionFix fix = event.fix() == null ? null : new PositionFix(event.fix().deviceId(), event.fix().fixTime().plus(shift),
                    event.fix().latitude(), event.fix().longitude(), event.fix().altitude(), event.fix().speedKmh(), event.fix().course(),
                    event.fix().satellites(), event.fix().hdop(), event.fix().valid());
            moved.add(new Event(event.at(), event.line(), event.command(), event.arguments(), event.options(), event.expectedError(), fix));
        }
        return new Scenario(name, newStart, List.copyOf(moved), expectations, kpiExpectations);
    }

    /** Returns the time of the last event. */
    public Duration length() {
        return events.isEmpty() ? Duration.ZERO : events.get(events.size() - 1).at();
    }

    /**
     * Parses a scenario.
     *
     * @throws IllegalArgumentException naming the line and the accepted form of the first invalid line
     */
    public static Scenario parse(String name, String text) {
        Instant start = null;
        List<Event> events = new ArrayList<>();
        List<Expectation> expectations = new ArrayList<>();
        List<Expectation> kpis = new ArrayList<>();
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            int lineNumber = i + 1;
            String line = lines[i];
            int comment = line.indexOf('#');
            if (comment >= 0) {
                line = line.substring(0, comment);
            }
            line = line.strip();
            if (line.isEmpty()) {
                continue;
            }
            String expectedError = null;
            int bang = line.indexOf("!!");
            if (bang >= 0) {
                expectedError = line.substring(bang + 2).strip();
                line = line.substring(0, bang).strip();
            }
            List<String> arguments = new ArrayList<>();
            Map<String, String> options = new LinkedHashMap<>();
            String[] tokens = line.split("\\s+");
            for (int t = 1; t < tokens.length; t++) {
                int equals = tokens[t].indexOf('=');
                if (equals > 0) {
                    options.put(tokens[t].substring(0, equals), tokens[t].substring(equals + 1));
                } else if (tokens[t].equals("new-incident")) {
                    options.put("new-incident", "true");
                } else {
                    arguments.add(tokens[t]);
                }
            }
            String command = tokens[0];
            String where = name + " line " + lineNumber;
            try {
                if (command.equals("start")) {
                    start = Instant.parse(argument(arguments, 0, "start ISO-8601-INSTANT"));
                } else if (command.equals("expect")) {
                    expectations.add(new Expectation(lineNumber, arguments, options));
                } else if (command.equals("expect-kpi")) {
                    kpis.add(new Expectation(lineNumber, arguments, options));
                } else if (COMMANDS.contains(command)) {
                    if (start == null) {
                        throw new IllegalArgumentException("the scenario must begin with a start line");
                    }
                    Duration at = offset(argument(arguments, 0, command + " TIME ..."));
                    List<String> rest = arguments.subList(1, arguments.size());
                    if (command.equals("drive") || command.equals("hold")) {
                        events.addAll(track(start, command, at, lineNumber, rest, options));
                    } else if (command.equals("fix")) {
                        events.add(fixEvent(at, lineNumber, rest.get(0), start.plus(at), point(argument(rest, 1, "fix TIME VEHICLE LAT,LON")),
                                doubleOption(options, "speed", 0)));
                    } else {
                        events.add(new Event(at, lineNumber, command, List.copyOf(rest), Map.copyOf(options), expectedError, null));
                    }
                } else {
                    throw new IllegalArgumentException("command '" + command + "' is unknown; use start, call, dispatch, step, close,"
                            + " fix, drive, hold, recommend, expect or expect-kpi");
                }
            } catch (IllegalArgumentException | IndexOutOfBoundsException | DateTimeParseException e) {
                throw new IllegalArgumentException(where + " is invalid: " + e.getMessage(), e);
            }
        }
        if (start == null) {
            throw new IllegalArgumentException(name + " has no start line; begin with start 2026-12-04T10:00:00Z");
        }
        List<Event> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparing(Event::at));
        return new Scenario(name, start, List.copyOf(sorted), List.copyOf(expectations), List.copyOf(kpis));
    }

    private static List<Event> track(Instant start, String command, Duration at, int line, List<String> arguments, Map<String, String> options) {
        String vehicleId = argument(arguments, 0, command + " TIME VEHICLE ...");
        double[] from = point(argument(arguments, 1, command + " TIME VEHICLE LAT,LON ..."));
        double[] to = command.equals("drive") ? point(argument(arguments, 2, "drive TIME VEHICLE LAT,LON LAT,LON until=TIME every=SECONDS")) : from;
        Duration until = offset(required(options, "until"));
        long every = Long.parseLong(required(options, "every"));
        if (until.compareTo(at) < 0 || every < 1) {
            throw new IllegalArgumentException("until must not be before the start and every must be at least 1 second");
        }
        double drift = doubleOption(options, "drift", 0);
        long total = until.minus(at).toSeconds();
        double speed = options.containsKey("speed") ? doubleOption(options, "speed", 0)
                : total == 0 ? 0 : meters(from, to) / total * 3.6;
        List<Event> result = new ArrayList<>();
        int index = 0;
        for (long s = 0; s <= total; s = (s + every > total && s < total) ? total : s + every) {
            double fraction = total == 0 ? 1 : (double) s / total;
            double lat = from[0] + (to[0] - from[0]) * fraction;
            double lon = from[1] + (to[1] - from[1]) * fraction;
            if (drift > 0) {
                double[] offset = driftOffset(index++, drift, lat);
                lat += offset[0];
                lon += offset[1];
            }
            Duration time = at.plusSeconds(s);
            result.add(fixEvent(time, line, vehicleId, start.plus(time), new double[] {lat, lon}, speed));
            if (s == total) {
                break;
            }
        }
        return result;
    }

    // North, east, south, west by the drift distance, in degrees at the given latitude.
    private static double[] driftOffset(int index, double meters, double latitude) {
        double dLat = meters / 111_195.0;
        double dLon = meters / (111_195.0 * Math.cos(Math.toRadians(latitude)));
        return switch (index % 4) {
            case 0 -> new double[] {dLat, 0};
            case 1 -> new double[] {0, dLon};
            case 2 -> new double[] {-dLat, 0};
            default -> new double[] {0, -dLon};
        };
    }

    private static Event fixEvent(Duration at, int line, String vehicleId, Instant time, double[] point, double speed) {
        PositionFix fix = new PositionFix(vehicleId, time, point[0], point[1], null, speed, null, 8, 1.0, true);
        return new Event(at, line, "fix", List.of(vehicleId), Map.of(), null, fix);
    }

    private static double meters(double[] a, double[] b) {
        double dLat = Math.toRadians(b[0] - a[0]);
        double dLon = Math.toRadians(b[1] - a[1]);
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(a[0])) * Math.cos(Math.toRadians(b[0])) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * 6_371_008.8 * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    /** Parses {@code mm:ss} or {@code h:mm:ss} into a duration. */
    public static Duration offset(String text) {
        String[] parts = text.split(":");
        if (parts.length < 2 || parts.length > 3) {
            throw new IllegalArgumentException("time '" + text + "' is invalid; write mm:ss or h:mm:ss");
        }
        long seconds = 0;
        for (String part : parts) {
            seconds = seconds * 60 + Long.parseLong(part);
        }
        return Duration.ofSeconds(seconds);
    }

    static double[] point(String text) {
        String[] parts = text.split(",");
        if (parts.length != 2) {
            throw new IllegalArgumentException("position '" + text + "' is invalid; write LAT,LON in decimal degrees");
        }
        return new double[] {Double.parseDouble(parts[0]), Double.parseDouble(parts[1])};
    }

    private static String argument(List<String> arguments, int index, String form) {
        if (index >= arguments.size()) {
            throw new IllegalArgumentException("an argument is missing; expected " + form);
        }
        return arguments.get(index);
    }

    private static String required(Map<String, String> options, String key) {
        String value = options.get(key);
        if (value == null) {
            throw new IllegalArgumentException("option " + key + "= is missing");
        }
        return value;
    }

    private static double doubleOption(Map<String, String> options, String key, double fallback) {
        String value = options.get(key);
        return value == null ? fallback : Double.parseDouble(value);
    }
}
