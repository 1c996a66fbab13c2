package org.alongside.referral.lifecycle;

/** The NHS number check (NHS Data Dictionary): ten digits, the tenth a modulus-11 check of the first nine. */
public final class NhsNumber {

    private NhsNumber() {
    }

    /** Digits only, or null when the input is not ten digits once spaces are removed. */
    public static String normalise(String input) {
        if (input == null) {
            return null;
        }
        String digits = input.replace(" ", "");
        return digits.matches("\\d{10}") ? digits : null;
    }

    public static boolean isValid(String input) {
        String digits = normalise(input);
        if (digits == null) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (digits.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - (sum % 11);
        if (check == 11) {
            check = 0;
        }
        return check != 10 && check == digits.charAt(9) - '0';
    }
}
