package org.rescuegrid.uplink.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Lists the keys of {@code org.rescuegrid.uplink} that differ between two configurations, for the log. */
final class UplinkConfigChanges {

    /** Keys whose values are secrets: a change is listed by key alone. */
    static final Set<String> SECRET_KEYS = Set.of("token", "keyStorePassword", "trustStorePassword", "kafkaPassword");

    private UplinkConfigChanges() {
    }

    /**
     * Returns one entry per changed key in key order, {@code key 'old' -> 'new'}, or {@code key changed}
     * for a secret key.
     */
    static List<String> between(UplinkConfig previous, UplinkConfig current) {
        List<String> changes = new ArrayList<>();
        Method[] keys = UplinkConfig.class.getDeclaredMethods();
        Arrays.sort(keys, Comparator.comparing(Method::getName));
        for (Method key : keys) {
            Object before = value(key, previous);
            Object after = value(key, current);
            if (Objects.equals(before, after)) {
                continue;
            }
            changes.add(SECRET_KEYS.contains(key.getName()) ? key.getName() + " changed"
                    : key.getName() + " '" + before + "' -> '" + after + "'");
        }
        return changes;
    }

    private static Object value(Method key, UplinkConfig config) {
        try {
            return key.invoke(config);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("uplink configuration key " + key.getName() + " could not be read", e);
        }
    }
}
