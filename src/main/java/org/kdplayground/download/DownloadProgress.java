package org.kdplayground.download;

/**
 * How far a download is: the file being fetched and the bytes of all files together.
 *
 * @param file       the file being fetched
 * @param fileIndex  its position, from 1
 * @param fileCount  how many files the set has
 * @param done       bytes of all files so far (files already there count whole)
 * @param total      bytes of all files (the published sizes; what servers announce where they differ)
 */
public record DownloadProgress(String file, int fileIndex, int fileCount, long done, long total) {

    /** The part done, 0 to 1. */
    public double fraction() {
        return total <= 0 ? 0 : Math.min(1, (double) done / total);
    }

    /** Receives progress on the downloading thread. */
    @FunctionalInterface
    public interface Listener {
        void progress(DownloadProgress progress);
    }
}
