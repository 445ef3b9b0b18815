package org.rescuegrid.hq.dashboard.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

import com.ibm.icu.text.ArabicShaping;
import com.ibm.icu.text.ArabicShapingException;
import com.ibm.icu.text.Bidi;

/**
 * Turns a line of text in logical order into the glyph order a PDF shows, because PDFBox draws characters left
 * to right as given and applies no Arabic shaping. Arabic-script letters become their joined presentation
 * forms, then the line is reordered by the Unicode bidirectional algorithm with mirrored brackets (ICU Bidi).
 * The font must map the presentation forms, as Amiri does.
 */
final class ShapedText {

    private static final char BEH = '\u0628';
    private static final char REH = '\u0631';
    private static final char BEH_ISOLATED = '\uFE8F';
    private static final char REH_ISOLATED = '\uFEAD';

    /**
     * Presentation forms (isolated, final, initial, medial) of the letters Urdu adds to Arabic. ICU4J 76's
     * ArabicShaping leaves these letters as they are, although it joins their neighbours to them. Letters that
     * join on one side only have two forms. Noon ghunna has no initial or medial form, so noon's stand in for them.
     */
    private static final Map<Character, char[]> URDU_FORMS = Map.ofEntries(
            Map.entry('\u0679', new char[] {'\uFB66', '\uFB67', '\uFB68', '\uFB69'}), // tteh
            Map.entry('\u067E', new char[] {'\uFB56', '\uFB57', '\uFB58', '\uFB59'}), // peh
            Map.entry('\u0686', new char[] {'\uFB7A', '\uFB7B', '\uFB7C', '\uFB7D'}), // tcheh
            Map.entry('\u0688', new char[] {'\uFB88', '\uFB89'}), // ddal
            Map.entry('\u0691', new char[] {'\uFB8C', '\uFB8D'}), // rreh
            Map.entry('\u0698', new char[] {'\uFB8A', '\uFB8B'}), // jeh
            Map.entry('\u06A9', new char[] {'\uFB8E', '\uFB8F', '\uFB90', '\uFB91'}), // keheh
            Map.entry('\u06AF', new char[] {'\uFB92', '\uFB93', '\uFB94', '\uFB95'}), // gaf
            Map.entry('\u06BA', new char[] {'\uFB9E', '\uFB9F', '\uFEE7', '\uFEE8'}), // noon ghunna
            Map.entry('\u06BE', new char[] {'\uFBAA', '\uFBAB', '\uFBAC', '\uFBAD'}), // heh doachashmee
            Map.entry('\u06C1', new char[] {'\uFBA6', '\uFBA7', '\uFBA8', '\uFBA9'}), // heh goal
            Map.entry('\u06CC', new char[] {'\uFBFC', '\uFBFD', '\uFBFE', '\uFBFF'}), // farsi yeh
            Map.entry('\u06D2', new char[] {'\uFBAE', '\uFBAF'}), // yeh barree
            Map.entry('\u06D3', new char[] {'\uFBB0', '\uFBB1'})); // yeh barree with hamza above

    private ShapedText() {
    }

    /**
     * Returns the line in visual order.
     *
     * @param rightToLeft paragraph direction: true for an Urdu report, false for an English one
     */
    static String visual(String logical, boolean rightToLeft) {
        return reorder(logical, rightToLeft ? Bidi.RTL : Bidi.LTR);
    }

    /** Returns the line in visual order, its direction that of its first letter, left to right when it has none. */
    static String visualByContent(String logical) {
        return reorder(logical, Bidi.LEVEL_DEFAULT_LTR);
    }

    private static String reorder(String logical, byte paragraphLevel) {
        Bidi bidi = new Bidi(shape(logical), paragraphLevel);
        return bidi.writeReordered(Bidi.DO_MIRRORING | Bidi.REMOVE_BIDI_CONTROLS);
    }

    /**
     * Returns the text with every Arabic-script letter in its joined form, still in logical order. Each Urdu
     * letter is shaped by ICU as beh (joining on both sides) or reh (joining before only) in its place, and the
     * form ICU gives that stand-in picks the Urdu letter's form. Lam-alef ligatures only ever merge lam and alef,
     * so the n-th beh or reh form of the output belongs to the n-th beh or reh of the input.
     */
    static String shape(String logical) {
        StringBuilder input = new StringBuilder(logical.length());
        Deque<char[]> behs = new ArrayDeque<>();
        Deque<char[]> rehs = new ArrayDeque<>();
        for (int i = 0; i < logical.length(); i++) {
            char c = logical.charAt(i);
            char[] forms = URDU_FORMS.get(c);
            char standIn = c;
            if (forms != null) {
                standIn = forms.length == 4 ? BEH : REH;
            }
            input.append(standIn);
            // An empty array marks a genuine beh or reh, which keeps ICU's form.
            char[] entry = forms == null ? new char[0] : forms;
            if (standIn == BEH || isForm(standIn, BEH_ISOLATED, 4)) {
                behs.add(entry);
            } else if (standIn == REH || isForm(standIn, REH_ISOLATED, 2)) {
                rehs.add(entry);
            }
        }
        String shaped;
        try {
            // GROW_SHRINK lets lam-alef become one ligature instead of padding the line with a space.
            shaped = new ArabicShaping(ArabicShaping.LETTERS_SHAPE | ArabicShaping.TEXT_DIRECTION_LOGICAL
                    | ArabicShaping.LENGTH_GROW_SHRINK).shape(input.toString());
        } catch (ArabicShapingException e) {
            throw new IllegalArgumentException("text '" + logical + "' could not be shaped: " + e.getMessage(), e);
        }
        StringBuilder result = new StringBuilder(shaped);
        for (int i = 0; i < result.length(); i++) {
            char c = result.charAt(i);
            if (isForm(c, BEH_ISOLATED, 4) && !behs.isEmpty()) {
                char[] forms = behs.poll();
                if (forms.length > 0) {
                    result.setCharAt(i, forms[c - BEH_ISOLATED]);
                }
            } else if (isForm(c, REH_ISOLATED, 2) && !rehs.isEmpty()) {
                char[] forms = rehs.poll();
                if (forms.length > 0) {
                    result.setCharAt(i, forms[c - REH_ISOLATED]);
                }
            }
        }
        return result.toString();
    }

    private static boolean isForm(char c, char isolated, int forms) {
        return c >= isolated && c < isolated + forms;
    }
}
