package org.kdplayground.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

import org.kdplayground.data.DatasetCatalog;
import org.kdplayground.data.DatasetException;
import org.kdplayground.download.DataSource;
import org.kdplayground.download.DatasetDownloader;
import org.kdplayground.download.DownloadException;
import org.kdplayground.download.DownloadProgress;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kd-playground data get fashion-mnist|mnist}: downloads the four IDX files into the app's data folder (or
 * {@code --folder}), with a progress line on stderr; Ctrl+C cancels (exit 130) and leaves no half-written file.
 */
@Command(name = "get",
        mixinStandardHelpOptions = true,
        description = {
                "Downloads a data set's four IDX files from its official host into the app's data folder,",
                "where the training screen and `train` find them with no folder named. Each file is",
                "checked against its published checksum before it is kept; files already there and",
                "whole are not fetched again.",
                "  fashion-mnist  http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/ (30 MB)",
                "  mnist          https://ossci-datasets.s3.amazonaws.com/mnist/ (11 MB)",
                ""
        })
public final class DataGetCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DATASET", description = "fashion-mnist or mnist")
    String dataset;

    @Option(names = "--folder", paramLabel = "DIR",
            description = "where the files go (default: the app's data folder, beside the settings file)")
    Path folder;

    @Option(names = "--no-progress", description = "no progress line")
    boolean noProgress;

    @Override
    public Integer call() {
        DatasetCatalog entry;
        try {
            entry = DatasetCatalog.fromId(dataset);
        } catch (DatasetException e) {
            throw new CliException(ExitCodes.USAGE, e.getMessage());
        }
        if (entry.kind() != DatasetCatalog.Kind.IDX_FOLDER) {
            throw new CliException(ExitCodes.USAGE, entry.id() + " comes with the app or is generated: only "
                    + "fashion-mnist and mnist are downloaded");
        }
        Path target = folder != null ? folder : entry.downloadFolder();
        DatasetDownloader downloader = new DatasetDownloader();
        DataSource source = downloader.source(entry.id());
        PrintWriter err = spec.commandLine().getErr();
        DownloadLine line = new DownloadLine(err, !noProgress);
        AtomicBoolean cancelled = new AtomicBoolean();
        try (CtrlC ctrlC = new CtrlC(() -> cancelled.set(true), "kd-data-get-cancel")) {
            if (!noProgress) {
                err.println("Downloading " + entry.displayName() + " from " + source.base() + " into " + target);
            }
            try {
                downloader.download(entry.id(), target, line::progress, cancelled::get);
            } catch (DownloadException e) {
                line.finish();
                if (e.kind() == DownloadException.Kind.CANCELLED) {
                    // said before Ctrl+C's shutdown goes on, which it does once this block is left
                    err.println("kd-playground: " + e.getMessage());
                    err.flush();
                    return ExitCodes.CANCELLED;
                }
                throw new CliException(exitCode(e.kind()), e.getMessage());
            }
            line.finish();
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(entry.displayName() + ": " + source.files().size() + " files in " + target);
        out.flush();
        return ExitCodes.OK;
    }

    static int exitCode(DownloadException.Kind kind) {
        return switch (kind) {
            case CANCELLED -> ExitCodes.CANCELLED;
            case DISK -> ExitCodes.BAD_INPUT;
            default -> ExitCodes.DOWNLOAD_FAILED;
        };
    }

    /** One progress line on stderr, redrawn at most every 100 ms and at each file's start. */
    static final class DownloadLine {
        private final PrintWriter err;
        private final boolean enabled;
        private long lastDraw;
        private int lastFile;
        private boolean drawn;

        DownloadLine(PrintWriter err, boolean enabled) {
            this.err = err;
            this.enabled = enabled;
        }

        void progress(DownloadProgress p) {
            long now = System.nanoTime();
            if (!enabled || (now - lastDraw < 100_000_000L && p.fileIndex() == lastFile && p.done() < p.total())) {
                return;
            }
            lastDraw = now;
            lastFile = p.fileIndex();
            int width = 30;
            int filled = (int) Math.round(p.fraction() * width);
            err.print("\r[" + "#".repeat(filled) + ".".repeat(width - filled) + "] "
                    + String.format(Locale.ROOT, "%3.0f%%  %s of %s  file %d/%d %s    ", p.fraction() * 100,
                    DownloadException.size(p.done()), DownloadException.size(p.total()), p.fileIndex(),
                    p.fileCount(), p.file()));
            err.flush();
            drawn = true;
        }

        /** Ends the line, so what follows starts on a fresh one. */
        void finish() {
            if (drawn) {
                err.println();
                err.flush();
                drawn = false;
            }
        }
    }
}
