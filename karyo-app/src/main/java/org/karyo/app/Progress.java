package org.karyo.app;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.Closeable;

/**
 * A progress bar on standard error, so standard output stays clean for what was written; or nothing
 * when switched off (scripts, tests).
 */
final class Progress implements Closeable {
    private final ProgressBar bar;

    Progress(String task, long max, boolean enabled) {
        this.bar = enabled ? new ProgressBarBuilder().setTaskName(task).setInitialMax(max)
                .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(System.err))
                .setUpdateIntervalMillis(250).build() : null;
    }

    void step() {
        if (bar != null) bar.step();
    }

    /** Several steps at once; safe from several threads. */
    synchronized void stepBy(long n) {
        if (bar != null) bar.stepBy(n);
    }

    /** Text after the bar, such as the running loss. */
    void message(String text) {
        if (bar != null) bar.setExtraMessage(text);
    }

    @Override
    public void close() {
        if (bar != null) bar.close();
    }
}
