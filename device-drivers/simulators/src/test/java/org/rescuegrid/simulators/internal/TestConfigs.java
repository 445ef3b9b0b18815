package org.rescuegrid.simulators.internal;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

/** Builds {@link NmeaReplayConfig} instances the way DS does: the annotation's defaults, with some keys set. */
final class TestConfigs {

    private TestConfigs() {
    }

    static Builder defaults() {
        return new Builder();
    }

    static final class Builder {
        private final Map<String, Object> values = new HashMap<>();

        Builder() {
            // These tests check what the recorded logs carry; PresentTimeTest covers the present-time stamping.
            values.put("presentTime", false);
        }

        Builder set(String key, Object value) {
            values.put(key, value);
            return this;
        }

        NmeaReplayConfig build() {
            Map<String, Object> snapshot = new HashMap<>(values);
            return (NmeaReplayConfig) Proxy.newProxyInstance(NmeaReplayConfig.class.getClassLoader(),
                    new Class<?>[] {NmeaReplayConfig.class}, (proxy, method, args) -> {
                        if (snapshot.containsKey(method.getName())) {
                            return snapshot.get(method.getName());
                        }
                        if (method.getDefaultValue() != null) {
                            return method.getDefaultValue();
                        }
                        switch (method.getName()) {
                            case "annotationType":
                                return NmeaReplayConfig.class;
                            case "toString":
                                return "NmeaReplayConfig" + snapshot;
                            case "hashCode":
                                return System.identityHashCode(proxy);
                            case "equals":
                                return proxy == args[0];
                            default:
                                throw new UnsupportedOperationException(method.toString());
                        }
                    });
        }
    }
}
