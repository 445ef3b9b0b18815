package org.rescuegrid.uplink.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Map;

/** Builds an {@link UplinkConfig} that returns the given values for some keys and a base configuration's for the rest. */
final class TlsUplinkConfig {

    private TlsUplinkConfig() {
    }

    static UplinkConfig with(UplinkConfig base, Map<String, Object> values) {
        return (UplinkConfig) Proxy.newProxyInstance(UplinkConfig.class.getClassLoader(), new Class<?>[] {UplinkConfig.class},
                (proxy, method, arguments) -> {
                    if (values.containsKey(method.getName())) {
                        return values.get(method.getName());
                    }
                    try {
                        return method.invoke(base, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
