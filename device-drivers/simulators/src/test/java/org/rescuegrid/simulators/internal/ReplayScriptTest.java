package org.rescuegrid.simulators.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ReplayScriptTest {

    /** Lines 13-40 of quectel-L70.log: the receiver sends $GPZDA of the next second before its $GPRMC. */
    private static final String QUECTEL_L70_EXCERPT = """
            $GPZDA,150119.000,09,03,2022,,*53\r
            $GPRMC,150119.000,A,5104.0859,N,11405.7387,W,0.09,194.17,090322,,,D*73\r
            $GPGGA,150119.000,5104.0859,N,11405.7387,W,2,8,0.94,1102.4,M,-17.5,M,,*53\r
            $GPGSA,A,3,04,09,16,26,07,03,27,02,,,,,1.21,0.94,0.76*01\r
            $GPGRS,150119.000,1,-0.33,-2.59,3.03,-0.09,-2.98,7.12,-15.6,17.0,,,,*5A\r
            $GPGST,150119.000,004.0,008.7,004.7,132.3,006.8,007.2,00014*71\r
            $GPRMC,150120.000,A,5104.0859,N,11405.7388,W,0.13,194.17,090322,,,D*7D\r
            $GPGGA,150120.000,5104.0859,N,11405.7388,W,2,8,0.94,1102.3,M,-17.5,M,,*51\r
            $GPGSA,A,3,04,09,16,26,07,03,27,02,,,,,1.21,0.94,0.76*01\r
            $GPGRS,150120.000,1,-1.62,-3.72,1.47,0.47,-2.96,7.83,-13.2,17.4,,,,*78\r
            $GPGST,150120.000,004.0,008.6,004.7,132.0,006.7,007.1,00013*72\r
            $PMTK705,AXN_2.51_3339_19071200,0002,QUECTEL-L70,1.0*32\r
            $PQVERNO,R,L70BGR03A05S,2019/10/09,21:12*23\r
            $PMTK001,320,2*30\r
            $PMTK001,300,3*33\r
            $PMTK001,314,3*36\r
            $PMTK001,301,3*32\r
            $PMTK001,313,3*31\r
            $PMTK001,424,1*30\r
            $GPZDA,150121.000,09,03,2022,,*58\r
            $GPRMC,150121.000,A,5104.0859,N,11405.7388,W,0.06,194.17,090322,,,D*78\r
            $GPGGA,150121.000,5104.0859,N,11405.7388,W,2,8,0.94,1102.3,M,-17.5,M,,*50\r
            $GPGSA,A,3,04,09,16,26,07,03,27,02,,,,,1.49,0.94,1.15*0B\r
            $GPGSV,4,1,13,04,77,125,31,09,63,293,26,16,56,098,23,26,34,055,33*79\r
            $GPGSV,4,2,13,46,29,199,28,07,27,252,25,03,24,186,33,02,08,319,17*72\r
            $GPGSV,4,3,13,27,07,123,16,06,07,274,,29,04,012,15,20,03,332,*72\r
            $GPGSV,4,4,13,30,03,251,*4D\r
            $GPGRS,150121.000,1,-1.92,-2.89,0.07,-0.04,-2.54,7.31,-13.7,7.39,,,,*51\r
            """;

    /**
     * Lines 36-61 of mtk-3301.log: the receiver counts from 23:59:46 until it learns the time,
     * then jumps to 08:14:33, and its first fixes come 999 ms and 1410 ms apart.
     */
    private static final String MTK_3301_EXCERPT = """
            $GPGGA,235949.004,8960.000000,N,00000.000000,E,0,0,,137.000,M,13.000,M,,*47
            $GPRMC,235949.004,V,8960.000000,N,00000.000000,E,0.000,0.00,050180,,,N*49
            $PMTKCHN,21422,28502,22242,09282,07432,14001,29001,23001,02001,11001,16001,13031,25031,08031,05001,20001,18001,06001,19001,30001,10001,03001,04001,27001,26001,01001,24001,15001,31001,17001,12001,32001*4E
            $GPVTG,0.00,T,,M,0.000,N,0.000,K,N*32
            $GPGGA,235950.004,8960.000000,N,00000.000000,E,0,0,,137.000,M,13.000,M,,*4F
            $GPGSA,A,1,,,,,,,,,,,,,,,*1E
            $GPGSV,2,1,06,21,,,40,28,,,47,25,,,43,07,,,40*71
            $GPGSV,2,2,06,08,,,49,10,,,41*7E
            $GPRMC,235950.004,V,8960.000000,N,00000.000000,E,0.000,0.00,050180,,,N*41
            $PMTKCHN,21402,28472,14001,25432,07402,08492,29001,10412,23001,02001,11001,03031,04031,27031,16001,05001,20001,22001,18001,06001,19001,09001,13001,30001,26001,01001,24001,15001,31001,17001,12001,32001*49
            $GPVTG,0.00,T,,M,0.000,N,0.000,K,N*32
            $GPGGA,081433.591,8960.000000,N,00000.000000,E,0,0,,137.000,M,13.000,M,,*43
            $GPGSA,A,1,,,,,,,,,,,,,,,*1E
            $GPGSV,3,1,12,21,,,42,28,,,52,26,,,48,25,,,45*7E
            $GPGSV,3,2,12,07,,,44,08,,,50,27,,,48,10,,,44*79
            $GPGSV,3,3,12,15,,,45,03,,,38,19,,,39,05,,,25*77
            $GPRMC,081433.591,V,8960.000000,N,00000.000000,E,0.000,0.00,120180,,,N*4B
            $PMTKCHN,21422,28522,26482,25452,07442,08502,27482,10442,15452,03382,19392,05252,16342,22031,14001,29001,23001,02001,11001,20001,18001,06001,09001,13001,30001,04001,01001,24001,31001,17001,12001,32001*43
            $GPVTG,0.00,T,,M,0.000,N,0.000,K,N*32
            $GPGGA,081434.590,5212.978993,N,00653.097906,E,0,3,,102.907,M,47.093,M,,*42
            $GPRMC,081434.590,V,5212.978993,N,00653.097906,E,0.052,0.00,230808,,,N*46
            $PMTKCHN,21422,28522,26482,25452,07442,08502,27482,10442,15452,03392,19392,18031,06031,22252,14001,29001,23001,02001,11001,16001,05001,20001,09001,13001,30001,04001,01001,24001,31001,17001,12001,32001*45
            $GPVTG,0.00,T,,M,0.052,N,0.097,K,N*3B
            $GPGGA,081436.000,5212.982135,N,00653.101394,E,1,3,2.88,102.907,M,47.093,M,,*5F
            $GPRMC,081436.000,A,5212.982135,N,00653.101394,E,0.039,0.00,230808,,,A*53
            $PMTKCHN,21422,28522,26482,25452,07442,08502,27482,10442,15452,03392,19392,13031,06031,09272,14001,29001,23001,02001,11001,16001,05001,20001,22001,18001,30001,04001,01001,24001,31001,17001,12001,32001*47
            """;

    @Test
    void quectelEpochsStartAtNewUtcTime() {
        ReplayScript script = ReplayScript.fromLines(ReplayScript.splitLines(bytes(QUECTEL_L70_EXCERPT)));
        List<ReplayScript.Epoch> epochs = script.epochs();

        assertEquals(3, epochs.size());
        assertEquals(28, script.lineCount());

        assertEquals("$GPZDA,150119.000,09,03,2022,,*53", first(epochs.get(0)));
        assertEquals("$GPGST,150119.000,004.0,008.7,004.7,132.3,006.8,007.2,00014*71", last(epochs.get(0)));
        assertEquals(6, epochs.get(0).lineCount());

        // Untimed lines, the next second's ZDA included, stay with the epoch before the next RMC.
        assertEquals("$GPRMC,150120.000,A,5104.0859,N,11405.7388,W,0.13,194.17,090322,,,D*7D", first(epochs.get(1)));
        assertEquals("$GPZDA,150121.000,09,03,2022,,*58", last(epochs.get(1)));
        assertEquals(14, epochs.get(1).lineCount());

        assertEquals("$GPRMC,150121.000,A,5104.0859,N,11405.7388,W,0.06,194.17,090322,,,D*78", first(epochs.get(2)));
        assertEquals(8, epochs.get(2).lineCount());

        assertEquals(ReplayScript.DEFAULT_INTERVAL_MILLIS, epochs.get(0).intervalMillis(), "pause before a looped pass");
        assertEquals(1000, epochs.get(1).intervalMillis());
        assertEquals(1000, epochs.get(2).intervalMillis());
    }

    @Test
    void mtkTimeJumpIsClampedToOneSecond() {
        ReplayScript script = ReplayScript.fromLines(ReplayScript.splitLines(bytes(MTK_3301_EXCERPT)));
        List<ReplayScript.Epoch> epochs = script.epochs();

        List<String> starts = new ArrayList<>();
        List<Long> intervals = new ArrayList<>();
        for (ReplayScript.Epoch epoch : epochs) {
            starts.add(first(epoch).substring(0, 17));
            intervals.add(epoch.intervalMillis());
        }
        assertEquals(List.of("$GPGGA,235949.004", "$GPGGA,235950.004", "$GPGGA,081433.591", "$GPGGA,081434.590",
                "$GPGGA,081436.000"), starts);
        // 23:59:50.004 to 08:14:33.591 is more than 10 s, so it is replayed as 1 s.
        assertEquals(List.of(1000L, 1000L, 1000L, 999L, 1410L), intervals);
        assertEquals(List.of(4, 7, 8, 4, 3), lineCounts(epochs));
    }

    @Test
    void recordedIntervalWrapsAtMidnight() {
        assertEquals(1000, ReplayScript.recordedInterval(86_399_000, 0));
        assertEquals(600, ReplayScript.recordedInterval(86_399_900, 500));
    }

    @Test
    void recordedIntervalClampsGapsOverTenSeconds() {
        assertEquals(10_000, ReplayScript.recordedInterval(1_000, 11_000));
        assertEquals(1_000, ReplayScript.recordedInterval(1_000, 11_001));
        assertEquals(1_000, ReplayScript.recordedInterval(5_000, 4_000), "time going backwards");
    }

    @Test
    void pacedDelayDividesBySpeedup() {
        assertEquals(1_000_000_000L, VehicleReplay.pacedDelayNanos(1000, 1.0));
        assertEquals(20_000_000L, VehicleReplay.pacedDelayNanos(1000, 50));
        assertEquals(14_100_000_000L, VehicleReplay.pacedDelayNanos(1410, 0.1));
    }

    @Test
    void untimedLogIsCutAtRepeatedFirstAddress() {
        // GSA and GSV lines from quectel-L70.log, which carry no time, arranged as two and a half cycles.
        String log = """
                $GPGSA,A,3,04,09,16,26,07,03,27,02,,,,,1.49,0.94,1.15*0B
                $GPGSV,4,1,13,04,77,125,31,09,63,293,26,16,56,098,23,26,34,055,33*79
                $GPGSV,4,2,13,46,29,199,28,07,27,252,25,03,24,186,33,02,08,319,17*72
                $GPGSA,A,3,04,09,16,26,07,03,27,02,,,,,1.21,0.94,0.76*01
                $GPGSV,4,1,13,04,77,125,31,09,63,293,26,16,56,098,23,26,34,055,33*79
                $GPGSA,A,3,04,09,16,26,07,03,27,02,,,,,1.21,0.94,0.76*01
                """;
        List<ReplayScript.Epoch> epochs = ReplayScript.fromLines(ReplayScript.splitLines(bytes(log))).epochs();

        assertEquals(List.of(3, 2, 1), lineCounts(epochs));
        for (ReplayScript.Epoch epoch : epochs) {
            assertEquals(ReplayScript.DEFAULT_INTERVAL_MILLIS, epoch.intervalMillis());
        }
    }

    @Test
    void binaryOnlyLogSendsOneLinePerSecond() {
        List<byte[]> lines = ReplayScript.splitLines(Fixtures.read("navisys-gr701w.log"));
        List<ReplayScript.Epoch> epochs = ReplayScript.fromLines(lines).epochs();

        assertEquals(lines.size(), epochs.size());
        for (ReplayScript.Epoch epoch : epochs) {
            assertEquals(1, epoch.lineCount());
            assertEquals(ReplayScript.DEFAULT_INTERVAL_MILLIS, epoch.intervalMillis());
        }
    }

    @Test
    void sentenceAfterBinaryBytesStartsEpoch() {
        // quectel-l76k-dual.log: 130 epochs at 1 Hz. In 120 of them the $GNGGA follows CASIC binary bytes in the same line.
        List<ReplayScript.Epoch> epochs = ReplayScript.fromLines(
                ReplayScript.splitLines(Fixtures.read("quectel-l76k-dual.log"))).epochs();

        assertEquals(130, epochs.size());
        int afterBinary = 0;
        for (ReplayScript.Epoch epoch : epochs) {
            assertEquals(1000, epoch.intervalMillis());
            int gga = first(epoch).indexOf("$GNGGA,");
            assertTrue(gga >= 0, () -> "epoch starts with a line without $GNGGA: " + first(epoch));
            if (gga > 0) {
                afterBinary++;
            }
        }
        assertEquals(120, afterBinary, "epochs whose $GNGGA follows binary bytes in the same line");
    }

    @Test
    void everyBundledLogReplaysAllLinesInOrder() {
        for (String logName : Fixtures.catalog().names()) {
            ReplayScript script = ReplayScript.fromLines(ReplayScript.splitLines(Fixtures.read(logName)));
            ByteArrayOutputStream sent = new ByteArrayOutputStream();
            for (ReplayScript.Epoch epoch : script.epochs()) {
                sent.writeBytes(epoch.payload());
                assertTrue(epoch.intervalMillis() > 0, () -> logName + ": interval " + epoch.intervalMillis() + " ms");
                assertTrue(epoch.intervalMillis() <= ReplayScript.MAX_RECORDED_GAP_MILLIS,
                        () -> logName + ": interval " + epoch.intervalMillis() + " ms");
            }
            assertArrayEquals(Fixtures.expectedPass(logName), sent.toByteArray(), logName);
        }
    }

    @Test
    void splitLinesDropsCommentsAndLineEnds() {
        List<byte[]> lines = ReplayScript.splitLines(bytes("# header\r\n$GPGSV,1,1,00*79\r\n\n\u00b5b\r\n#note\n$GPTXT"));

        List<String> texts = new ArrayList<>();
        for (byte[] line : lines) {
            texts.add(ReplayScript.text(line));
        }
        assertEquals(List.of("$GPGSV,1,1,00*79", "", "\u00b5b", "$GPTXT"), texts);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String first(ReplayScript.Epoch epoch) {
        return ReplayScript.text(epoch.lines().get(0));
    }

    private static String last(ReplayScript.Epoch epoch) {
        return ReplayScript.text(epoch.lines().get(epoch.lineCount() - 1));
    }

    private static List<Integer> lineCounts(List<ReplayScript.Epoch> epochs) {
        List<Integer> counts = new ArrayList<>();
        for (ReplayScript.Epoch epoch : epochs) {
            counts.add(epoch.lineCount());
        }
        return counts;
    }
}
