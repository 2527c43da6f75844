package vn.nangsuat.indicator.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import vn.nangsuat.http.FieldText;
import vn.nangsuat.http.ProblemType;
import vn.nangsuat.http.Text;
import vn.nangsuat.kit.idempotency.IdempotentCreates;
import vn.nangsuat.kit.problem.ProblemException;

/**
 * Where import bodies wait on disk (never in memory) until their worker reads them, and how a submission is told from
 * a repeat: the SHA-256 of its options and body, compared with the job an earlier submission with the same
 * Idempotency-Key started.
 */
@ApplicationScoped
class ImportSpool {

    private static final Logger LOG = Logger.getLogger(ImportSpool.class);

    /** A body spooled: its file, size and fingerprint. */
    record Spooled(Path file, long bytes, String fingerprint) {
    }

    private final Path directory;
    private final long maxBytes;
    private final ObjectMapper json;

    ImportSpool(@ConfigProperty(name = "imports.spool-dir") Optional<Path> directory,
            @ConfigProperty(name = "imports.max-bytes") long maxBytes, ObjectMapper json) {
        this.directory = directory.orElse(Path.of(System.getProperty("java.io.tmpdir"), "nangsuat-imports"));
        this.maxBytes = maxBytes;
        this.json = json;
    }

    /** Creates the directory and empties it: what a service stopped mid-import left (its jobs are failed apart). */
    void open() throws IOException {
        Files.createDirectories(directory);
        try (var files = Files.list(directory)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** The job's body, once spooled. */
    Path body(String id) {
        return directory.resolve(id + ".body");
    }

    /** The spill file of the job's events while it commits. */
    Path written(String id) {
        return directory.resolve(id + ".written");
    }

    /** Writes the body to the job's file, refusing one over IMPORT_MAX_BYTES (413), and fingerprints it with the options. */
    Spooled spool(String id, InputStream body, ImportOptions options) {
        Path file = body(id);
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((options.format() + "|" + options.mode() + "|" + options.skipInvalid() + "|" + options.dryRun()
                    + "|" + scopeJson(options) + "|").getBytes(StandardCharsets.UTF_8));
            long bytes = copy(new DigestInputStream(body, digest), file);
            return new Spooled(file, bytes, HexFormat.of().formatHex(digest.digest()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The earlier job of the same Idempotency-Key, when this submission is its repeat (same options, same body); a
     * 422 naming the key when it is not, as for every create (service-kit's IdempotentCreates).
     */
    static ImportJob sameAs(ImportJob earlier, String fingerprint, String key) {
        if (!earlier.fingerprint.equals(fingerprint)) {
            throw IdempotentCreates.keyReused(key, "import " + earlier.id + " with another body or other options",
                    "lần nhập " + earlier.id + " với nội dung hoặc tùy chọn khác");
        }
        return earlier;
    }

    /** The replace scope of the options as the job records it; empty when the import replaces nothing. */
    String scopeJson(ImportOptions options) {
        return options.replace().map(scope -> {
            try {
                return json.writeValueAsString(scope);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }).orElse("");
    }

    private long copy(InputStream body, Path file) {
        long written = 0;
        try (InputStream in = body; OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) != -1; ) {
                written += n;
                if (written > maxBytes) {
                    throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, new Text("An import body may hold at"
                            + " most " + maxBytes + " bytes (IMPORT_MAX_BYTES): split the file", "Nội dung của một lần"
                            + " nhập dữ liệu chỉ được tối đa " + maxBytes + " byte (IMPORT_MAX_BYTES): hãy chia nhỏ"
                            + " tệp"),
                            List.of(new FieldText("body", new Text("is larger than " + maxBytes + " bytes",
                                    "lớn hơn " + maxBytes + " byte"))));
                }
                out.write(buffer, 0, n);
            }
            return written;
        } catch (IOException e) {
            delete(file);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            delete(file);
            throw e;
        }
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warnf("could not delete %s", file);
        }
    }
}
