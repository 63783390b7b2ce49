package org.karyo.bench;

/** Command-line checks shared by the bench tools' main methods. */
final class BenchArgs {
    private BenchArgs() {
    }

    /** Prints the usage line and exits with 2 (bad input, as the CLI does) when fewer than {@code n} arguments came. */
    static void requireAtLeast(String[] args, int n, String usage) {
        if (args.length >= n) return;
        System.err.println("usage: " + usage);
        System.exit(2);
    }
}
