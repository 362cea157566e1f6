package org.kdplayground.training.setup;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import org.kdplayground.data.DatasetCatalog;
import org.kdplayground.download.DatasetDownloader;
import org.kdplayground.download.DownloadException;
import org.kdplayground.download.DownloadProgress;
import org.kdplayground.ui.I18n;
import org.kdplayground.ui.TaskExecutor;

/**
 * The set-up's offer to download an IDX data set that is not on this computer (no folder chosen, none of the
 * searched folders holds it): Download starts it on the download thread, the progress comes to the FX thread at
 * most every 100 ms, Cancel stops it at its next chunk. A failure says why in one translated line; success makes
 * the set readable from its default folder, and {@code onInstalled} lets the preview load it.
 */
public final class DataDownload {

    private static final long REPORT_NANOS = 100_000_000L;

    private final RunSetup setup;
    private final DatasetDownloader downloader;
    private final TaskExecutor executor;
    private final I18n i18n;
    private final Runnable onInstalled;
    private final ReadOnlyBooleanWrapper downloading = new ReadOnlyBooleanWrapper(this, "downloading");
    private final ReadOnlyBooleanWrapper installedNow = new ReadOnlyBooleanWrapper(this, "installedNow");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final BooleanBinding offered;
    private AtomicBoolean cancelled = new AtomicBoolean();
    /** The set being downloaded (the set-up may show another meanwhile). */
    private DatasetCatalog fetching;

    /**
     * @param executor    runs the download off the FX thread
     * @param onInstalled called on the FX thread once the files are in place
     */
    public DataDownload(RunSetup setup, DatasetDownloader downloader, TaskExecutor executor, I18n i18n,
                        Runnable onInstalled) {
        this.setup = Objects.requireNonNull(setup);
        this.downloader = Objects.requireNonNull(downloader);
        this.executor = Objects.requireNonNull(executor);
        this.i18n = Objects.requireNonNull(i18n);
        this.onInstalled = Objects.requireNonNull(onInstalled);
        var data = setup.datasetProperty();
        offered = Bindings.createBooleanBinding(() -> downloading.get() || data.get() != null
                        && data.get().kind() == DatasetCatalog.Kind.IDX_FOLDER && setup.folderProperty().get() == null
                        && !data.get().isInstalled(),
                data, setup.folderProperty(), downloading, installedNow);
        data.addListener((obs, old, now) -> {
            if (!downloading.get()) {
                problem.set("");
            }
        });
    }

    /** Downloads the chosen data set, unless one is downloading already. */
    public void start() {
        DatasetCatalog data = setup.datasetProperty().get();
        if (downloading.get() || data == null || data.kind() != DatasetCatalog.Kind.IDX_FOLDER) {
            return;
        }
        AtomicBoolean flag = new AtomicBoolean();
        cancelled = flag;
        fetching = data;
        downloading.set(true);
        problem.set("");
        progress.set(0);
        progressText.set(i18n.formatNow("download_connecting", downloader.source(data.id()).host()));
        Reporter reporter = new Reporter();
        executor.execute(() -> {
            downloader.download(data.id(), data.downloadFolder(), reporter::progress, flag::get);
            return data;
        }, done -> {
            downloading.set(false);
            progress.set(1);
            installedNow.set(!installedNow.get());
            onInstalled.run();
        }, failure -> {
            downloading.set(false);
            progress.set(0);
            progressText.set("");
            problem.set(failure instanceof DownloadException e ? describe(e)
                    : i18n.formatNow("download_error_other", String.valueOf(failure.getMessage())));
        });
    }

    /** Stops the download at its next chunk; it ends as cancelled and leaves nothing half-written. */
    public void cancel() {
        cancelled.set(true);
    }

    /** The failure in one translated line. */
    String describe(DownloadException e) {
        return switch (e.kind()) {
            case UNREACHABLE -> i18n.formatNow("download_error_unreachable", e.host());
            case NOT_FOUND -> i18n.formatNow("download_error_not_found", e.file(), e.host());
            case HTTP_STATUS -> i18n.formatNow("download_error_http", e.host(), e.number(), e.file());
            case TRUNCATED -> i18n.formatNow("download_error_truncated", e.file(), DownloadException.size(e.number()),
                    DownloadException.size(e.total()));
            case CONNECTION_LOST -> i18n.formatNow("download_error_connection_lost", e.file(), e.host());
            case CHECKSUM -> i18n.formatNow("download_error_checksum", e.file());
            case DISK -> {
                DatasetCatalog data = fetching != null ? fetching : setup.datasetProperty().get();
                yield i18n.formatNow("download_error_disk", data == null ? "" : data.downloadFolder());
            }
            case CANCELLED -> i18n.get("download_cancelled");
        };
    }

    /** Forwards progress to the FX thread at most every 100 ms, and at each new file. */
    private final class Reporter {
        private long last;
        private int file;

        void progress(DownloadProgress p) {
            long now = System.nanoTime();
            if (now - last < REPORT_NANOS && p.fileIndex() == file) {
                return;
            }
            last = now;
            file = p.fileIndex();
            executor.report(() -> {
                if (downloading.get()) {
                    progress.set(p.fraction());
                    progressText.set(i18n.formatNow("download_progress", DownloadException.size(p.done()),
                            DownloadException.size(p.total()), p.fileIndex(), p.fileCount()));
                }
            });
        }
    }

    /** Whether the set-up offers a download: an IDX set that is missing, or one downloading now. */
    public BooleanBinding offeredProperty() {
        return offered;
    }

    public ReadOnlyBooleanProperty downloadingProperty() {
        return downloading.getReadOnlyProperty();
    }

    /** 0 to 1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** "12.3 MB of 30.9 MB · file 1 of 4", or what it is connecting to. */
    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /** Why the last download failed, one translated line, or empty. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** What the offer says: which set, how big, from where. */
    public String offerText() {
        DatasetCatalog data = downloading.get() ? fetching : setup.datasetProperty().get();
        if (data == null || data.kind() != DatasetCatalog.Kind.IDX_FOLDER) {
            return "";
        }
        var source = downloader.source(data.id());
        return i18n.formatNow(downloading.get() ? "download_running" : "download_offer", data.displayName(),
                DownloadException.size(source.totalSize()), source.host(), data.downloadFolder());
    }
}
