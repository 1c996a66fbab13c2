package org.alongside.matching.vocabulary;

/**
 * The shape of a SNOMED CT concept id (SCTID): 6 to 18 digits, no leading zero, a concept partition identifier
 * ("00" international, "10" extension) and a Verhoeff check digit. Catches typed and truncated codes; whether the
 * concept exists is the taxonomy's question, not this one.
 */
public final class SnomedCt {

    private static final int[][] D = {
            {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 2, 3, 4, 0, 6, 7, 8, 9, 5}, {2, 3, 4, 0, 1, 7, 8, 9, 5, 6},
            {3, 4, 0, 1, 2, 8, 9, 5, 6, 7}, {4, 0, 1, 2, 3, 9, 5, 6, 7, 8}, {5, 9, 8, 7, 6, 0, 4, 3, 2, 1},
            {6, 5, 9, 8, 7, 1, 0, 4, 3, 2}, {7, 6, 5, 9, 8, 2, 1, 0, 4, 3}, {8, 7, 6, 5, 9, 3, 2, 1, 0, 4},
            {9, 8, 7, 6, 5, 4, 3, 2, 1, 0}};
    private static final int[][] P = {
            {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 5, 7, 6, 2, 8, 3, 0, 9, 4}, {5, 8, 0, 3, 7, 9, 6, 1, 4, 2},
            {8, 9, 1, 6, 0, 4, 3, 5, 2, 7}, {9, 4, 5, 3, 1, 2, 6, 8, 7, 0}, {4, 2, 8, 6, 5, 7, 3, 9, 0, 1},
            {2, 7, 9, 3, 8, 0, 6, 4, 1, 5}, {7, 0, 4, 6, 9, 1, 3, 2, 5, 8}};

    public static final String MALFORMED = "must be a SNOMED CT concept id: 6-18 digits with a valid check digit";

    private SnomedCt() {
    }

    public static boolean isConceptId(String code) {
        if (code == null || !code.matches("[1-9]\\d{5,17}")) {
            return false;
        }
        String partition = code.substring(code.length() - 3, code.length() - 1);
        if (!partition.equals("00") && !partition.equals("10")) {
            return false;
        }
        int check = 0;
        for (int i = 0; i < code.length(); i++) {
            int digit = code.charAt(code.length() - 1 - i) - '0';
            check = D[check][P[i % 8][digit]];
        }
        return check == 0;
    }
}
