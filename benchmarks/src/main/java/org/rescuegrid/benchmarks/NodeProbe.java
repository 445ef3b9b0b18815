package org.rescuegrid.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the node's heap use with {@code jcmd PID GC.heap_info} and its resident set size with
 * {@code ps -o rss= -p PID}. Both need the node's JVM to run as the same user as the harness.
 */
final class NodeProbe {

    private static final Pattern HEAP_USED = Pattern.compile("total (\\d+)K, used (\\d+)K");

    private final long pid;

    NodeProbe(long pid) {
        this.pid = pid;
    }

    /** Returns "heap USED/TOTAL MB, RSS N MB" or a sentence saying which reading failed. */
    String describe() {
        String heap;
        Matcher m = HEAP_USED.matcher(run(List.of("jcmd", Long.toString(pid), "GC.heap_info")));
        heap = m.find() ? (Long.parseLong(m.group(2)) / 1024) + "/" + (Long.parseLong(m.group(1)) / 1024) + " MB" : "unreadable";
        String rss = run(List.of("ps", "-o", "rss=", "-p", Long.toString(pid))).strip();
        rss = rss.matches("\\d+") ? (Long.parseLong(rss) / 1024) + " MB" : "unreadable (is pid " + pid + " running?)";
        return "node heap used/committed " + heap + ", RSS " + rss;
    }

    private static String run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] output = process.getInputStream().readAllBytes();
            process.waitFor(10, TimeUnit.SECONDS);
            return new String(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
