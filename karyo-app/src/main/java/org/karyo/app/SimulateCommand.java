package org.karyo.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** 'karyo simulate': synthetic microscopy with exact ground truth. The work is in its three subcommands. */
@Command(name = "simulate",
        mixinStandardHelpOptions = true,
        versionProvider = KaryoVersion.class,
        description = {
                "Write synthetic microscopy of Hoechst-stained nuclei with exact ground truth.",
                "",
                "Still fields, IXM plates with plaques, or live-cell time-lapses with cell fates, deterministically "
                        + "from --seed. Images are 16-bit TIFFs with blur, uneven background, shot and read noise; "
                        + "ground truth is label TIFFs, CSV tables and, for time-lapses, Cell Tracking Challenge tracks.",
                "",
                "Examples:",
                "  karyo simulate field --out sim/field --virus hsv --magnification 40",
                "  karyo simulate plate --out sim/plate --rows 2 --columns 6 --sites 4",
                "  karyo simulate timelapse --out sim/live --spreader-fraction 0.03"},
        subcommands = {
                SimulateFieldCommand.class,
                SimulatePlateCommand.class,
                SimulateTimelapseCommand.class,
        })
public final class SimulateCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
