package org.alongside.matching.assignment;

/**
 * The objective as one integer weight per pair: the most total score first, and among assignments of equal
 * total score, the one serving the longest-waiting referrals.
 *
 * <p>A pair's weight is {@code score * scale + bonus(row)}. Rows come longest-waiting first; the bonus is the
 * row's rank from the newest (the newest referral 1, the next older 2, equal waiting times the same rank), and
 * {@code scale} is one more than all bonuses together. So the bonuses of any assignment add up to less than
 * one score point: no amount of waiting outweighs a point of score, and between equal scores the assignment
 * whose served referrals have the larger rank sum, that is the longer-waiting ones, wins. The total score of an
 * assignment is then its total weight divided by {@code scale}.
 */
public final class WaitingFirst {

    private final long[] bonus;
    private final long scale;

    private WaitingFirst(long[] bonus, long scale) {
        this.bonus = bonus;
        this.scale = scale;
    }

    /**
     * @param waitingSince when each row started waiting (any unit), longest-waiting first: never decreasing
     * @param maxScore the highest score a pair can have
     */
    public static WaitingFirst of(long[] waitingSince, int maxScore) {
        int rows = waitingSince.length;
        long[] bonus = new long[rows];
        long rank = 0;
        long sum = 0;
        for (int row = rows - 1; row >= 0; row--) {
            if (row < rows - 1 && waitingSince[row] > waitingSince[row + 1]) {
                throw new IllegalArgumentException("rows must come longest-waiting first; row " + row + " does not");
            }
            if (row == rows - 1 || waitingSince[row] != waitingSince[row + 1]) {
                rank++;
            }
            bonus[row] = rank;
            sum += rank;
        }
        long scale = sum + 1;
        // Every sum the solver forms must fit in a long: at most twice all rows' largest weights together.
        try {
            Math.multiplyExact(Math.addExact(Math.multiplyExact((long) maxScore, scale), rank), 2L * Math.max(1, rows));
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(rows + " rows are too many to weigh exactly in 64 bits", e);
        }
        return new WaitingFirst(bonus, scale);
    }

    public long weight(int row, int score) {
        return score * scale + bonus[row];
    }

    public long totalScore(long totalWeight) {
        return totalWeight / scale;
    }
}
