package org.karyo.app;

import org.karyo.KaryoInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code karyo} command. Exit codes are stable: 0 success, 2 bad input (a file, folder or option
 * the user gave), 1 internal error (a bug: please report it).
 */
@Command(name = "karyo",
        mixinStandardHelpOptions = true,
        versionProvider = KaryoVersion.class,
        description = {
                "Learn cell phenotypes from microscopy images of nuclei.",
                "Segments nuclei, measures them, labels them from a reporter channel and writes",
                "crops for learning. Run 'karyo help COMMAND' for each command's options."},
        footer = {"", "Exit codes: 0 success, 2 bad input, 1 internal error."},
        subcommands = {
                CommandLine.HelpCommand.class,
                SegmentCommand.class,
                LabelCommand.class,
                CropsCommand.class,
                ScoreSegmentationCommand.class,
                TrackCommand.class,
                SimulateCommand.class,
                DemoCommand.class,
                TrainCommand.class,
                EvaluateCommand.class,
                PredictCommand.class,
                ExportCommand.class,
                TracksFromLabelsCommand.class,
                FatesCommand.class,
                TimecourseCommand.class,
                FateCropsCommand.class,
                FateHistoryCommand.class,
                PretrainCommand.class,
                TrainSegmenterCommand.class,
        })
public final class Karyo implements Runnable {
    public static final int EXIT_OK = 0;
    public static final int EXIT_INTERNAL = 1;
    public static final int EXIT_BAD_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (for tests, without exiting the JVM). */
    public static int run(String... args) {
        System.setProperty("java.awt.headless", "true");
        return commandLine().execute(args);
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Karyo());
        // Option descriptions are written as lines of up to ~110 characters; at picocli's default 80 each broke mid-sentence.
        cl.setUsageHelpWidth(140);
        cl.setExitCodeExceptionMapper(t -> t instanceof KaryoInputException ? EXIT_BAD_INPUT : EXIT_INTERNAL);
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (ex instanceof KaryoInputException) {
                cmd.getErr().println("error: " + ex.getMessage());
                return EXIT_BAD_INPUT;
            }
            cmd.getErr().println("internal error: " + ex + " (please report this)");
            ex.printStackTrace(cmd.getErr());
            return EXIT_INTERNAL;
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine cmd = ex.getCommandLine();
            cmd.getErr().println("error: " + ex.getMessage());
            cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
            return EXIT_BAD_INPUT;
        });
        return cl;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
