package org.kdplayground.cli;

import java.util.function.Supplier;

import com.sun.jna.Library;
import com.sun.jna.Native;

/**
 * Silences what native libraries write straight to the process's stderr (file descriptor 2) while the engine starts:
 * libtorch prints a deprecation warning there once, which no Java logging setting reaches and which would be the first
 * line a user sees. The descriptor is pointed at {@code /dev/null} for the call and restored after; where the C
 * library cannot be reached (Windows), the call runs as it is.
 */
final class NativeStderr {

    /** The few libc calls needed, through JNA (which DJL already brings). */
    private interface LibC extends Library {
        int dup(int fd);

        int dup2(int from, int to);

        int open(String path, int flags);

        int close(int fd);
    }

    private static final int STDERR = 2;
    private static final int O_WRONLY = 1;

    private NativeStderr() {
    }

    /** Runs {@code action} with file descriptor 2 sent to /dev/null, then restores it. */
    static <T> T silenced(Supplier<T> action) {
        LibC libc;
        try {
            libc = Native.load("c", LibC.class);
        } catch (Throwable e) { // no libc to load (Windows) or no JNA: say it all
            return action.get();
        }
        System.err.flush();
        int saved = libc.dup(STDERR);
        int devNull = saved < 0 ? -1 : libc.open("/dev/null", O_WRONLY);
        if (devNull < 0 || libc.dup2(devNull, STDERR) < 0) {
            closeAll(libc, saved, devNull);
            return action.get();
        }
        try {
            return action.get();
        } finally {
            System.err.flush();
            libc.dup2(saved, STDERR);
            closeAll(libc, saved, devNull);
        }
    }

    private static void closeAll(LibC libc, int... fds) {
        for (int fd : fds) {
            if (fd >= 0) {
                libc.close(fd);
            }
        }
    }
}
