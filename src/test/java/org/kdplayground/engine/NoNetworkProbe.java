package org.kdplayground.engine;

import java.security.Permission;

/**
 * Run in a fresh JVM by {@link NoNetworkTest}: makes the data sets' downloader as the training screen does and loads
 * the engine the way the app does, under a security manager
 * that refuses (and reports) every network connection. Exit 0 = engine ready and no connection attempted.
 */
public final class NoNetworkProbe {

    private NoNetworkProbe() {
    }

    @SuppressWarnings("removal")
    public static void main(String[] args) throws Exception {
        System.setSecurityManager(new SecurityManager() {
            @Override
            public void checkConnect(String host, int port) {
                if (port >= 0) { // port -1 is a DNS lookup of a local name, not a connection
                    System.out.println("CONNECT " + host + ":" + port);
                    Runtime.getRuntime().halt(3);
                }
            }

            @Override
            public void checkConnect(String host, int port, Object context) {
                checkConnect(host, port);
            }

            @Override
            public void checkPermission(Permission perm) {
                // everything else is allowed
            }
        });
        org.kdplayground.RuntimeDefaults.apply();
        // what the training screen does at start-up with the downloader: it reads the sources, it connects nowhere
        org.kdplayground.download.DatasetDownloader downloader = new org.kdplayground.download.DatasetDownloader();
        for (org.kdplayground.data.DatasetCatalog data : org.kdplayground.data.DatasetCatalog.values()) {
            if (data.kind() == org.kdplayground.data.DatasetCatalog.Kind.IDX_FOLDER) {
                downloader.source(data.id());
                data.isInstalled();
            }
        }
        try (EngineService service = new EngineService(new DjlEngineLoader(1))) {
            EngineInfo info = service.start().get();
            System.out.println("READY " + info.deviceName());
        }
        System.exit(0);
    }
}
