package io.ztrade.backtest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * The CSV bars files an API backtest may read: only regular files under {@code ztrade.backtest.data-dir}, named
 * relative to it. No absolute name, no {@code ..}, no link that leads out (checked on the real paths). Every refusal,
 * whatever its cause (missing, unreadable, a folder, outside), is the same message, so that an answer tells nothing
 * about the server's files.
 */
final class BarsFiles {

    private final Path dataDir;

    BarsFiles(Path dataDir) {
        this.dataDir = dataDir;
    }

    /** The named file, opened; a refusal is an {@link IllegalArgumentException} with one message for every cause. */
    CsvHistory.Source open(String name) {
        Path file = resolve(name);
        return new CsvHistory.Source(name, () -> {
            try {
                // the checked real path, never a link swapped in since
                return Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS);
            } catch (IOException e) {
                throw refused(name);
            }
        });
    }

    Path resolve(String name) {
        if (name == null || name.isBlank() || name.startsWith("/") || name.contains("\\") || name.indexOf('\0') >= 0) {
            throw refused(name);
        }
        try {
            Path relative = Path.of(name);
            for (Path part : relative) {
                if (part.toString().equals("..")) {
                    throw refused(name);
                }
            }
            if (relative.isAbsolute()) {
                throw refused(name);
            }
            Path root = dataDir.toRealPath();
            // toRealPath follows every link: the file must still be under the real data dir
            Path real = root.resolve(relative.normalize()).toRealPath();
            if (!real.startsWith(root) || real.equals(root) || !Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)
                    || !Files.isReadable(real)) {
                throw refused(name);
            }
            try (InputStream probe = Files.newInputStream(real, LinkOption.NOFOLLOW_LINKS)) {
                return real;
            }
        } catch (IOException | InvalidPathException | SecurityException e) {
            throw refused(name);
        }
    }

    IllegalArgumentException refused(String name) {
        return new IllegalArgumentException("csv '" + CsvHistory.printable(name) + "' is not a readable file under "
                + "ztrade.backtest.data-dir (" + dataDir + ")");
    }
}
