package id.bizone.ops;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * MongoDB wire-protocol emulator for tests and CI: mongo-java-server with the in-memory backend.
 *
 * <p>Usage: {@code java -jar mongo-wire-server.jar [host] [port] [wireVersion]} (defaults 127.0.0.1 27017).
 * The optional wire version (e.g. 13) makes the server report MongoDB 5.0 with that wire version, for drivers
 * that refuse the library default (wire 8; the Node driver 7 needs at least 9). Data lives in memory only.
 * Stops cleanly on SIGTERM/SIGINT.
 */
public final class MongoWireServer {

    private MongoWireServer() {
    }

    public static void main(String[] args) throws InterruptedException {
        // Quiet by default: mongo-java-server logs every connection at INFO.
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        String host = args.length > 0 ? args[0] : "127.0.0.1";
        int port = args.length > 1 ? parsePort(args[1]) : 27017;

        MongoBackend backend = new MemoryBackend();
        if (args.length > 2) {
            backend.version(reportedVersion(parseWireVersion(args[2])));
        }
        MongoServer server = new MongoServer(backend);
        try {
            server.bind(host, port);
        } catch (RuntimeException e) {
            System.err.println("mongo-wire-server: cannot bind " + host + ":" + port + ": " + e.getMessage());
            System.exit(1);
        }

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("mongo-wire-server: shutting down");
            server.shutdown();
            stopped.countDown();
        }, "mongo-wire-server-shutdown"));

        System.out.println("mongo-wire-server: listening on " + host + ":" + port
                + " (mongo-java-server, memory backend, pid " + ProcessHandle.current().pid() + ")");
        System.out.flush();
        stopped.await();
    }

    private static int parsePort(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // fall through
        }
        System.err.println("mongo-wire-server: invalid port: " + value);
        System.exit(2);
        return -1;
    }

    private static int parseWireVersion(String value) {
        try {
            int wire = Integer.parseInt(value);
            if (wire >= 6 && wire <= 50) {
                return wire;
            }
        } catch (NumberFormatException ignored) {
            // fall through
        }
        System.err.println("mongo-wire-server: invalid wire version: " + value);
        System.exit(2);
        return -1;
    }

    private static MongoVersion reportedVersion(int wireVersion) {
        return new MongoVersion() {
            @Override
            public List<Integer> getVersionArray() {
                return List.of(5, 0, 0);
            }

            @Override
            public int getWireVersion() {
                return wireVersion;
            }
        };
    }
}
