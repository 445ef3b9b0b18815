package org.rescuegrid.simulators.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

class SentenceTest {

    private static final String RMC = "$GPRMC,150119.000,A,5104.0859,N,11405.7387,W,0.09,194.17,090322,,,D*73";

    @Test
    void utcTimeParsesFractionsOfAnyLength() {
        assertEquals(OptionalLong.of(((15 * 60 + 1) * 60 + 19) * 1000L), Sentence.parseUtcTime("150119.000"));
        assertEquals(OptionalLong.of(((13 * 60 + 28) * 60 + 19) * 1000L + 600), Sentence.parseUtcTime("132819.60"));
        assertEquals(OptionalLong.of(((9 * 60 + 47) * 60 + 36) * 1000L), Sentence.parseUtcTime("094736"));
        assertEquals(OptionalLong.of(((8 * 60 + 14) * 60 + 33) * 1000L + 591), Sentence.parseUtcTime("081433.5912"));
    }

    @Test
    void utcTimeRejectsEmptyAndOutOfRange() {
        assertEquals(OptionalLong.empty(), Sentence.parseUtcTime(""));
        assertEquals(OptionalLong.empty(), Sentence.parseUtcTime("240000"));
        assertEquals(OptionalLong.empty(), Sentence.parseUtcTime("126100.00"));
        assertEquals(OptionalLong.empty(), Sentence.parseUtcTime("1501"));
    }

    @Test
    void checksumMatchMakesSentenceTrusted() {
        Sentence sentence = Sentence.findAll(RMC).get(0);

        assertTrue(sentence.trusted());
        assertEquals("RMC", sentence.type());
        assertEquals(OptionalLong.of(54_079_000L), sentence.utcMillisOfDay());
    }

    @Test
    void checksumMismatchGivesNoTime() {
        Sentence sentence = Sentence.findAll(RMC.replace("*73", "*74")).get(0);

        assertFalse(sentence.trusted());
        assertEquals(OptionalLong.empty(), sentence.utcMillisOfDay());
    }

    @Test
    void sentenceWithoutChecksumIsTrusted() {
        // From mtk-3301.log, whose $POLYN sentences have no checksum.
        List<Sentence> sentences = Sentence.findAll("$POLYN,TIME,RESTART_OCCURRED");

        assertEquals(1, sentences.size());
        assertEquals("POLYN", sentences.get(0).address());
        assertTrue(sentences.get(0).trusted());
    }

    @Test
    void sentenceAfterBinaryBytesIsFound() {
        String line = "\u00f2\u009d=($GNGLL,4739.71755,N,12219.58177,W,071552.000,A,A*5C";
        List<Sentence> sentences = Sentence.findAll(line);

        assertEquals(1, sentences.size());
        assertEquals(4, sentences.get(0).start());
        assertEquals(line.length(), sentences.get(0).end());
        assertTrue(sentences.get(0).trusted());
        assertEquals(OptionalLong.of(((7 * 60 + 15) * 60 + 52) * 1000L), sentences.get(0).utcMillisOfDay());
    }

    @Test
    void sentenceCutOffByBinaryIsSkipped() {
        assertEquals(List.of(), Sentence.findAll("$GNGGA,071552.000,4739.7\u00b5b\u0001"));
    }
}
