package org.alongside.journey;

import java.util.concurrent.ThreadLocalRandom;

/** Valid NHS numbers (the NHS Data Dictionary's modulus 11 check digit), a new one each call, for test people. */
final class NhsNumbers {

    private NhsNumbers() {
    }

    static String next() {
        while (true) {
            int[] digits = new int[9];
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                digits[i] = ThreadLocalRandom.current().nextInt(i == 0 ? 4 : 0, 10);
                sum += digits[i] * (10 - i);
            }
            int check = 11 - sum % 11;
            if (check == 10) {
                continue;
            }
            StringBuilder number = new StringBuilder();
            for (int digit : digits) {
                number.append(digit);
            }
            return number.append(check == 11 ? 0 : check).toString();
        }
    }
}
